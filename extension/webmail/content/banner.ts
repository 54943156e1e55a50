// The inline Vigie banner, in its own Shadow DOM so the webmail's styles cannot reach it and it cannot reach them.
// One per compose area: a thin bar (Annuaire Santé button), a warning line shown while the draft needs one, and the
// confirm/stop dialog at Send.
import type { Verdict } from '../../../shared/model';
import { failureReason } from '../../../shared/client/failure';
import { verdictView } from '../../../shared/client/verdict-view';
import { say, ui } from '../messages';

export type BannerState =
  | { kind: 'ok' }
  | { kind: 'verdict'; verdict: Verdict }
  | { kind: 'confirm'; verdict: Verdict; onSend(): void; onCancel(): void }
  | { kind: 'blocked'; verdict: Verdict };

const CSS = `
:host { all: initial; display: block; margin: 4px 0; padding: 0 8px; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; }
.bar { display: flex; align-items: center; gap: 8px; justify-content: flex-end; }
.brand { font-weight: 600; color: #000091; margin-right: auto; font-size: 12px; }
button { font: inherit; cursor: pointer; border-radius: 4px; border: 1px solid #000091; background: #fff; color: #000091; padding: 2px 10px; }
button.primary { background: #000091; color: #fff; }
button.danger { background: #c9191e; border-color: #c9191e; color: #fff; }
.alert { margin-top: 4px; padding: 8px 10px; border-radius: 4px; border-left: 4px solid; }
.alert[data-level="warn"] { background: #fff4e5; border-color: #b34000; }
.alert[data-level="block"] { background: #ffe9e9; border-color: #c9191e; }
.actions { display: flex; gap: 8px; margin-top: 6px; }
.lead { font-weight: 600; display: block; }
iframe { width: 100%; height: 380px; border: 1px solid #ccc; border-radius: 4px; margin-top: 4px; background: #fff; }
[hidden] { display: none !important; }
`;

export class Banner {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly alert: HTMLElement;
  private readonly panel: HTMLIFrameElement;
  private readonly bar: HTMLElement;
  state: BannerState = { kind: 'ok' };

  constructor(private readonly lang: 'fr' | 'en') {
    this.host = document.createElement('vigie-banner');
    this.host.setAttribute('data-vigie', 'banner');
    this.host.lang = lang;
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CSS;
    this.bar = document.createElement('div');
    this.bar.className = 'bar';
    const brand = document.createElement('span');
    brand.className = 'brand';
    brand.textContent = say(ui.brand, lang);
    this.bar.append(brand);
    this.panel = document.createElement('iframe');
    this.panel.hidden = true;
    this.panel.title = say(ui.directoryTitle, lang);
    this.alert = document.createElement('div');
    this.alert.className = 'alert';
    this.alert.hidden = true;
    this.shadow.append(style, this.bar, this.alert, this.panel);
    // Keys typed in the banner are Vigie's, not the webmail's shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) this.shadow.addEventListener(type, (e) => e.stopPropagation());
  }

  /** The Annuaire Santé button (only where the compose can be read: the picker writes into it). */
  offerDirectory(panelUrl: string): void {
    const open = document.createElement('button');
    open.type = 'button';
    open.dataset.action = 'directory';
    open.textContent = say(ui.directory, this.lang);
    open.title = say(ui.directoryTitle, this.lang);
    open.setAttribute('aria-expanded', 'false');
    open.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      if (!this.panel.src) this.panel.src = panelUrl;
      this.panel.hidden = !this.panel.hidden;
      open.setAttribute('aria-expanded', String(!this.panel.hidden));
    });
    this.bar.append(open);
  }

  show(state: BannerState): void {
    this.state = state;
    const a = this.alert;
    a.replaceChildren();
    a.removeAttribute('role');
    if (state.kind === 'ok' || (state.kind === 'verdict' && state.verdict.verdict === 'allow')) {
      a.hidden = true;
      a.removeAttribute('data-level');
      return;
    }
    a.hidden = false;
    const text = document.createElement('span');
    text.className = 'message';
    a.dataset.level = state.verdict.verdict;
    a.setAttribute('role', 'alert');
    const view = verdictView(state.verdict, this.lang);
    if (state.verdict.reasons.includes(failureReason('send-control-missing'))) {
      const unguarded = document.createElement('span');
      unguarded.className = 'lead';
      unguarded.textContent = say(ui.unguarded, this.lang);
      a.append(unguarded);
    }
    // The lead says what happened to the send, unless the message already opens with it (« Envoi bloqué : … »).
    const leadText = state.kind === 'confirm' ? say(ui.confirmLead, this.lang) : state.kind === 'blocked' ? (view.failure ? say(ui.blockedLead, this.lang) : view.message.startsWith(view.headline) ? '' : `${view.headline}.`) : '';
    if (leadText) {
      const lead = document.createElement('span');
      lead.className = 'lead';
      lead.textContent = leadText;
      a.append(lead);
    }
    text.textContent = view.message;
    a.append(text);
    if (state.kind === 'confirm') {
      const actions = document.createElement('div');
      actions.className = 'actions';
      const cancel = this.button(say(ui.cancel, this.lang), 'cancel', 'primary', state.onCancel);
      const send = this.button(say(ui.sendAnyway, this.lang), 'send-anyway', 'danger', state.onSend);
      actions.append(cancel, send);
      a.append(actions);
      cancel.focus();
    } else if (state.kind === 'blocked') {
      const actions = document.createElement('div');
      actions.className = 'actions';
      const ok = this.button(say(ui.understood, this.lang), 'dismiss', 'primary', () => this.show({ kind: 'verdict', verdict: state.verdict }));
      actions.append(ok);
      a.append(actions);
      ok.focus();
    }
  }

  private button(label: string, action: string, cls: string, onClick: () => void): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.dataset.action = action;
    b.textContent = label;
    b.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      onClick();
    });
    return b;
  }
}
