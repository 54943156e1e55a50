// The inline Vigie banner, in its own Shadow DOM so the webmail's styles cannot reach it and it cannot reach them.
// One per compose area: a thin bar (Annuaire Santé button), a warning line shown while the draft needs one, and the
// confirm/stop dialog at Send, and the reason asked when the user sends a warned message anyway.
import type { Verdict } from '../../../shared/model';
import { OVERRIDE_REASON_MAX } from '../../../shared/audit/event';
import type { OverrideChoice } from '../../../shared/audit/override';
import { failureReason } from '../../../shared/client/failure';
import { verdictView } from '../../../shared/client/verdict-view';
import { say, ui } from '../messages';

export type BannerState =
  | { kind: 'ok' }
  | { kind: 'verdict'; verdict: Verdict }
  | { kind: 'confirm'; verdict: Verdict; onSend(): void; onCancel(): void }
  | { kind: 'blocked'; verdict: Verdict }
  | ReasonState;

/** « Envoyer quand même »: the reason is asked; `submit` validates it and answers the error to show, if any. */
export interface ReasonState {
  kind: 'reason';
  verdict: Verdict;
  choices: OverrideChoice[];
  reminder: string;
  submit(choice: { code?: string; text?: string }): string | undefined;
  onCancel(): void;
}

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
fieldset { border: 0; margin: 6px 0 0; padding: 0; }
legend { font-weight: 600; padding: 0; }
label { display: block; margin: 2px 0; }
input[type="text"] { font: inherit; width: 100%; box-sizing: border-box; margin-top: 2px; padding: 2px 4px; }
.hint { font-size: 12px; color: #3a3a3a; margin: 2px 0 0; }
.error { color: #c9191e; font-weight: 600; margin: 4px 0 0; }
:focus-visible { outline: 2px solid #000091; outline-offset: 2px; }
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
    const leadText =
      state.kind === 'confirm' || state.kind === 'reason'
        ? say(ui.confirmLead, this.lang)
        : state.kind === 'blocked'
          ? view.failure
            ? say(ui.blockedLead, this.lang)
            : view.message.startsWith(view.headline)
              ? ''
              : `${view.headline}.`
          : '';
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
    } else if (state.kind === 'reason') {
      a.append(this.reasonForm(state));
    } else if (state.kind === 'blocked') {
      const actions = document.createElement('div');
      actions.className = 'actions';
      const ok = this.button(say(ui.understood, this.lang), 'dismiss', 'primary', () => this.show({ kind: 'verdict', verdict: state.verdict }));
      actions.append(ok);
      a.append(actions);
      ok.focus();
    }
  }

  /** A form (radio list, text field with the reminder, « Confirmer l’envoi »): usable by keyboard and read out. */
  private reasonForm(state: ReasonState): HTMLFormElement {
    const form = document.createElement('form');
    form.className = 'reason';
    form.noValidate = true;
    const set = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = say(ui.overrideTitle, this.lang);
    set.append(legend);
    for (const c of state.choices) {
      const label = document.createElement('label');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'vigie-reason';
      radio.value = c.code;
      label.append(radio, ` ${c.label}`);
      set.append(label);
    }
    const textLabel = document.createElement('label');
    textLabel.textContent = say(ui.overrideText, this.lang);
    const typed = document.createElement('input');
    typed.type = 'text';
    typed.name = 'vigie-reason-text';
    typed.maxLength = OVERRIDE_REASON_MAX;
    typed.setAttribute('aria-describedby', 'vigie-reason-hint vigie-reason-error');
    textLabel.append(typed);
    const hint = document.createElement('p');
    hint.id = 'vigie-reason-hint';
    hint.className = 'hint';
    hint.textContent = state.reminder;
    const error = document.createElement('p');
    error.id = 'vigie-reason-error';
    error.className = 'error';
    error.setAttribute('role', 'alert');
    error.hidden = true;
    set.append(textLabel, hint, error);
    const actions = document.createElement('div');
    actions.className = 'actions';
    const confirm = document.createElement('button');
    confirm.type = 'submit';
    confirm.className = 'danger';
    confirm.dataset.action = 'confirm-send';
    confirm.textContent = say(ui.overrideConfirm, this.lang);
    actions.append(confirm, this.button(say(ui.cancel, this.lang), 'cancel', 'primary', state.onCancel));
    form.append(set, actions);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      e.stopPropagation();
      const code = form.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
      const problem = state.submit({ ...(code ? { code } : {}), ...(typed.value.trim() ? { text: typed.value } : {}) });
      error.hidden = !problem;
      error.textContent = problem ?? '';
      typed.setAttribute('aria-invalid', String(!!problem));
      if (problem) typed.focus();
    });
    queueMicrotask(() => (form.querySelector<HTMLInputElement>('input') ?? typed).focus());
    return form;
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
