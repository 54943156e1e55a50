// Watches a webmail page for compose areas, checks each draft as the user types (debounced) and intercepts Send in
// the capture phase: click on the Send control (inside the compose or in a toolbar outside it), Enter/Space on it,
// Ctrl/Cmd+Enter in the compose. The decision at Send is synchronous (the draft is read from the page and checked on
// the spot) because cancelling only works inside the event's own dispatch; a confirmed warning sends once more with a
// one-shot bypass, once the user gave a reason for sending anyway. Each check at Send is handed to `audit` (the
// verdict and what became of the message, never the draft). A compose Vigie cannot fully read is never let through silently: its Send is held with the failure
// policy's verdict (block mode: stopped; warn mode: the user is asked), and where even Send cannot be found the
// keyboard shortcut is held and the banner says the page is not guarded.
import type { OrgPolicy } from '../../../shared/config/policy';
import { defaultPolicy } from '../../../shared/config/policy';
import type { Draft, Verdict } from '../../../shared/model';
import { senderFor, type ProviderSelectors, type WebmailComposeSession, type WebmailProvider } from '../providers';
import type { Part } from '../providers/types';
import { findAll } from '../providers/query';
import { recordMissing } from '../options/diagnostics';
import { Banner } from './banner';
import { cannotCheck, type CheckFailureCause } from '../../../shared/client/failure';
import { partNames, say, ui } from '../messages';
import { findUnrecognisedCompose, UnrecognisedComposeSession } from './unrecognised';
import { overrideChoices, overrideReason, overrideReminder } from '../../../shared/audit/override';

export type SendOutcome = 'sent' | 'stopped' | 'overridden';

export interface GuardOptions {
  provider: WebmailProvider;
  selectors: ProviderSelectors;
  lang: 'fr' | 'en';
  /** The core's check with the effective policy. */
  check(draft: Draft): Verdict;
  /** The page's host name (the sending account's kind may follow from it); this page's by default. */
  host?: string;
  /** The effective policy (the failure policy reads its mode); the defaults when not given. */
  policy?: OrgPolicy;
  /** The picker page to embed, if one is available. */
  panelUrl?: string;
  debounceMs?: number;
  /** Where missing parts are reported for IT (the options page); storage.local by default. */
  report?(missing: Part[]): void;
  /** Records a check made at Send for the organisation's audit journal (the verdict only; never the draft). */
  audit?(verdict: Verdict, outcome: SendOutcome, overrideReason?: string): void;
}

interface Entry {
  session: WebmailComposeSession;
  banner: Banner;
  /** Why this compose cannot be checked, when it cannot. */
  failure?: { cause: CheckFailureCause; missing: Part[] };
  unrecognised: boolean;
  bypass: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

const ACTIVITY = ['input', 'change', 'paste', 'cut', 'drop'];

export class ComposeGuard {
  private readonly entries = new Map<Element, Entry>();
  private observer?: MutationObserver;
  private scanTimer?: ReturnType<typeof setTimeout>;
  private lastActive?: Entry;
  private readonly hookedFrames = new WeakSet<Document>();

  constructor(private readonly o: GuardOptions) {}

  start(): void {
    const d = document;
    d.addEventListener('click', this.onClick, true);
    d.addEventListener('keydown', this.onKeydown, true);
    for (const t of ACTIVITY) d.addEventListener(t, this.onActivity, true);
    d.addEventListener('focusin', this.onFocus, true);
    this.observer = new MutationObserver(() => this.scheduleScan());
    this.observer.observe(d.body ?? d.documentElement, { subtree: true, childList: true });
    this.scan();
  }

  stop(): void {
    const d = document;
    d.removeEventListener('click', this.onClick, true);
    d.removeEventListener('keydown', this.onKeydown, true);
    for (const t of ACTIVITY) d.removeEventListener(t, this.onActivity, true);
    d.removeEventListener('focusin', this.onFocus, true);
    this.observer?.disconnect();
    for (const e of this.entries.values()) e.banner.host.remove();
    this.entries.clear();
  }

  /** The compose the user worked in last (the picker inserts there). */
  current(): WebmailComposeSession | undefined {
    if (this.lastActive && this.lastActive.session.root.isConnected && !this.lastActive.failure) return this.lastActive.session;
    return [...this.entries.values()].find((e) => !e.failure)?.session;
  }

  status(): { composing: boolean; verdict?: Verdict['verdict'] } {
    const s = this.current();
    const e = s ? this.entries.get(s.root) : undefined;
    const st = e?.banner.state;
    return { composing: !!s, ...(st && 'verdict' in st ? { verdict: st.verdict.verdict } : {}) };
  }

  private policy(): OrgPolicy {
    return this.o.policy ?? defaultPolicy();
  }

  private scheduleScan(): void {
    if (this.scanTimer) return;
    this.scanTimer = setTimeout(() => {
      this.scanTimer = undefined;
      this.scan();
    }, 150);
  }

  private scan(): void {
    const roots = new Set(findAll(document, this.o.selectors.composeRoot));
    for (const [root, e] of this.entries)
      if (!root.isConnected) {
        e.banner.host.remove();
        this.entries.delete(root);
      }
    // A selector list may match a compose and an element inside it: keep the outermost.
    for (const root of roots)
      if (!this.entries.has(root) && ![...roots].some((r) => r !== root && r.contains(root)))
        this.attach(this.o.provider.createSession(root, this.o.selectors), false);
    if (!roots.size)
      for (const u of findUnrecognisedCompose())
        if (!this.entries.has(u.root) && ![...this.entries.keys()].some((k) => k.contains(u.root) || u.root.contains(k)))
          this.attach(new UnrecognisedComposeSession(u.root, this.o.selectors, u.send), true);
    for (const e of this.entries.values()) {
      // Parts drawn late (Gmail fills its compose in steps) or gone since: read again.
      if (!e.unrecognised) this.diagnose(e);
      // Chips added or removed by the page (the user picked a suggestion) change the draft without an input event.
      this.schedule(e);
    }
  }

  private diagnose(e: Entry): void {
    const missing = e.session.missing();
    const before = e.failure?.missing.join();
    e.failure = missing.includes('send')
      ? { cause: 'send-control-missing', missing }
      : missing.length || e.unrecognised
        ? { cause: 'compose-unreadable', missing }
        : undefined;
    if ((e.failure?.missing.join() ?? '') === (before ?? '')) return;
    try {
      if (this.o.report) this.o.report(missing);
      else
        void recordMissing({ provider: this.o.provider.id, host: this.o.host ?? location.hostname, parts: missing, at: new Date().toISOString() }).catch(
          () => undefined,
        );
    } catch {
      /* outside an extension (unit tests): nothing to record */
    }
  }

  private attach(session: WebmailComposeSession, unrecognised: boolean): void {
    try {
      const root = session.root;
      const entry: Entry = { session, banner: new Banner(this.o.lang), unrecognised, bypass: false };
      this.diagnose(entry);
      if (!entry.failure && this.o.panelUrl) entry.banner.offerDirectory(this.o.panelUrl);
      const anchor = entry.failure ? (root.firstElementChild ?? root) : session.bannerAnchor();
      if (anchor === root || !root.contains(anchor)) root.prepend(entry.banner.host);
      else anchor.parentNode?.insertBefore(entry.banner.host, anchor);
      this.entries.set(root, entry);
      this.watchFrames(entry);
      this.evaluate(entry);
    } catch {
      /* never break the page */
    }
  }

  /**
   * Rich-text editors in a same-origin iframe (TinyMCE in Zimbra-based webmails): their keys and input never reach
   * this document, so Vigie listens in the frame too (Ctrl+Enter there sends the message).
   */
  private watchFrames(e: Entry): void {
    for (const frame of e.session.root.querySelectorAll('iframe')) {
      const hook = () => {
        let doc: Document | null = null;
        try {
          doc = frame.contentDocument;
        } catch {
          return; // cross-origin: not an editor Vigie can read
        }
        if (!doc || this.hookedFrames.has(doc)) return;
        this.hookedFrames.add(doc);
        doc.addEventListener('keydown', (ev) => this.keydown(e, ev), true);
        for (const t of ['input', 'paste', 'cut']) doc.addEventListener(t, () => this.schedule(e), true);
        doc.addEventListener('focusin', () => (this.lastActive = e), true);
      };
      hook();
      frame.addEventListener('load', hook);
    }
  }

  /** The compose an event belongs to: the one holding its target, or the one whose Send control it is. */
  private entryFor(target: EventTarget | null): Entry | undefined {
    if (!(target instanceof Element)) return undefined;
    for (const [root, e] of this.entries) if (root.contains(target)) return e;
    for (const e of this.entries.values()) if (e.session.isSendTarget(target)) return e;
    return undefined;
  }

  private fromBanner(ev: Event): boolean {
    return ev.composedPath().some((n) => n instanceof HTMLElement && n.dataset.vigie === 'banner');
  }

  private readonly onFocus = (ev: Event) => {
    const e = this.entryFor(ev.target);
    if (e) this.lastActive = e;
  };

  private readonly onActivity = (ev: Event) => {
    if (this.fromBanner(ev)) return;
    const e = this.entryFor(ev.target);
    if (e) this.schedule(e);
  };

  private schedule(e: Entry): void {
    if (e.timer) clearTimeout(e.timer);
    e.timer = setTimeout(() => {
      e.timer = undefined;
      // A pending confirm, reason or stop stays until the user answers it.
      if (!['confirm', 'reason', 'blocked'].includes(e.banner.state.kind)) this.evaluate(e);
    }, this.o.debounceMs ?? 400);
  }

  private failed(e: Entry, cause: CheckFailureCause): Verdict {
    // Which parts the page lacks: « manque : le champ À » (part names only, never page content).
    const detail =
      cause === 'compose-unreadable' && e.failure?.missing.length ? `${say(ui.missing, this.o.lang)}${partNames(e.failure.missing, this.o.lang)}` : undefined;
    return cannotCheck(cause, this.policy(), detail);
  }

  /** Reads and checks the draft; a compose that cannot be read gets the failure policy's verdict. */
  private evaluate(e: Entry): Verdict {
    let verdict: Verdict;
    if (e.failure) verdict = this.failed(e, e.failure.cause);
    else {
      let draft: Draft | undefined;
      try {
        draft = e.session.readDraft();
      } catch {
        verdict = this.failed(e, 'compose-unreadable');
      }
      if (draft) {
        try {
          verdict = this.o.check({ ...draft, from: senderFor(draft.from, this.o.provider, this.o.host ?? location.hostname) });
        } catch {
          verdict = this.failed(e, 'core-error');
        }
      }
    }
    e.banner.show({ kind: 'verdict', verdict: verdict! });
    return verdict!;
  }

  private readonly onClick = (ev: MouseEvent) => {
    if (!(ev.target instanceof Element) || this.fromBanner(ev)) return;
    const e = this.entryFor(ev.target);
    if (e && e.session.isSendTarget(ev.target)) this.atSend(e, ev);
  };

  private readonly onKeydown = (ev: KeyboardEvent) => {
    if (!(ev.target instanceof Element) || this.fromBanner(ev)) return;
    const e = this.entryFor(ev.target);
    if (e) this.keydown(e, ev);
  };

  private keydown(e: Entry, ev: KeyboardEvent): void {
    const enter = ev.key === 'Enter';
    const modified = ev.ctrlKey || ev.metaKey;
    const onSend = (enter || ev.key === ' ' || ev.key === 'Spacebar') && !modified && ev.target instanceof Element && e.session.isSendTarget(ev.target);
    if (onSend || (enter && modified)) this.atSend(e, ev);
  }

  private atSend(e: Entry, ev: Event): void {
    if (e.bypass) {
      e.bypass = false;
      return;
    }
    const verdict = this.evaluate(e);
    if (verdict.verdict === 'allow') {
      this.record(verdict, 'sent');
      return;
    }
    ev.preventDefault();
    ev.stopPropagation();
    ev.stopImmediatePropagation();
    this.record(verdict, 'stopped');
    if (verdict.verdict === 'block') {
      e.banner.show({ kind: 'blocked', verdict });
      return;
    }
    e.banner.show({ kind: 'confirm', verdict, onSend: () => this.askReason(e, ev, verdict), onCancel: () => e.banner.show({ kind: 'verdict', verdict }) });
  }

  /** « Envoyer quand même »: nothing leaves until a valid reason is given; then it is recorded and Send runs once. */
  private askReason(e: Entry, ev: Event, verdict: Verdict): void {
    const policy = this.policy();
    const lang = this.o.lang;
    e.banner.show({
      kind: 'reason',
      verdict,
      choices: overrideChoices(policy, lang),
      reminder: overrideReminder(policy)[lang],
      submit: (choice) => {
        const given = overrideReason(policy, choice);
        if (!given.ok) return given.error[lang];
        this.record(verdict, 'overridden', given.reason);
        e.banner.show({ kind: 'verdict', verdict });
        e.bypass = true;
        this.sendAgain(e, ev);
        e.bypass = false;
        return undefined;
      },
      onCancel: () => e.banner.show({ kind: 'verdict', verdict }),
    });
  }

  private record(verdict: Verdict, outcome: SendOutcome, reason?: string): void {
    try {
      this.o.audit?.(verdict, outcome, reason);
    } catch {
      /* reporting never stands in the way of a send */
    }
  }

  /** After the user confirmed: Send clicked as a user does, or the shortcut given again where Send is unknown. */
  private sendAgain(e: Entry, ev: Event): void {
    if (e.session.missing().includes('send') && ev instanceof KeyboardEvent && ev.target) {
      const init: KeyboardEventInit = {
        key: ev.key,
        code: ev.code,
        ctrlKey: ev.ctrlKey,
        metaKey: ev.metaKey,
        shiftKey: ev.shiftKey,
        altKey: ev.altKey,
        bubbles: true,
        cancelable: true,
        composed: true,
      };
      ev.target.dispatchEvent(new KeyboardEvent('keydown', init));
      return;
    }
    e.session.clickSend();
  }
}
