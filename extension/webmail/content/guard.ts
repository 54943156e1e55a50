// Watches a webmail page for compose areas, checks each draft as the user types (debounced) and intercepts Send in
// the capture phase: click on the Send button, Enter/Space on it, Ctrl/Cmd+Enter in the compose. The decision at Send
// is synchronous (the draft is read from the page and checked on the spot) because cancelling only works inside the
// event's own dispatch; a confirmed warning re-clicks Send once with a one-shot bypass.
import type { Draft, Verdict } from '../../../shared/model';
import type { ProviderSelectors, WebmailComposeSession, WebmailProvider } from '../providers';
import { DomComposeSession } from '../providers/dom-compose-session';
import { Banner } from './banner';

export interface GuardOptions {
  provider: WebmailProvider;
  selectors: ProviderSelectors;
  lang: 'fr' | 'en';
  /** The core's check with the effective policy. */
  check(draft: Draft): Verdict;
  /** The picker page to embed, if one is available. */
  panelUrl?: string;
  debounceMs?: number;
}

interface Entry {
  session: WebmailComposeSession;
  banner: Banner;
  /** A page whose compose Vigie recognises but cannot read: warn, never stop. */
  unsupported: boolean;
  bypass: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

const SEND_LABEL = /^\s*(envoyer|send)\b/i;

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
    for (const t of ['input', 'change', 'paste', 'cut', 'drop']) d.addEventListener(t, this.onActivity, true);
    d.addEventListener('focusin', this.onFocus, true);
    this.observer = new MutationObserver(() => this.scheduleScan());
    this.observer.observe(d.body ?? d.documentElement, { subtree: true, childList: true });
    this.scan();
  }

  stop(): void {
    const d = document;
    d.removeEventListener('click', this.onClick, true);
    d.removeEventListener('keydown', this.onKeydown, true);
    for (const t of ['input', 'change', 'paste', 'cut', 'drop']) d.removeEventListener(t, this.onActivity, true);
    d.removeEventListener('focusin', this.onFocus, true);
    this.observer?.disconnect();
    for (const e of this.entries.values()) e.banner.host.remove();
    this.entries.clear();
  }

  /** The compose the user worked in last (the picker inserts there). */
  current(): WebmailComposeSession | undefined {
    if (this.lastActive && this.lastActive.session.root.isConnected && !this.lastActive.unsupported) return this.lastActive.session;
    return [...this.entries.values()].find((e) => !e.unsupported)?.session;
  }

  status(): { composing: boolean; verdict?: Verdict['verdict'] } {
    const s = this.current();
    const e = s ? this.entries.get(s.root) : undefined;
    const st = e?.banner.state;
    return { composing: !!s, ...(st && 'verdict' in st ? { verdict: st.verdict.verdict } : {}) };
  }

  private scheduleScan(): void {
    if (this.scanTimer) return;
    this.scanTimer = setTimeout(() => {
      this.scanTimer = undefined;
      this.scan();
    }, 150);
  }

  private scan(): void {
    const roots = new Set<Element>();
    try {
      document.querySelectorAll(this.o.selectors.composeRoot).forEach((r) => roots.add(r));
    } catch {
      /* an invalid selector from policy: fall through to the unrecognised-compose search */
    }
    for (const [root, e] of this.entries) if (!root.isConnected) {
      e.banner.host.remove();
      this.entries.delete(root);
    }
    // A selector list may match a compose and an element inside it: keep the outermost.
    for (const root of roots) if (!this.entries.has(root) && ![...roots].some((r) => r !== root && r.contains(root))) this.attach(root, false);
    if (!roots.size) for (const root of findUnrecognisedCompose()) if (!this.entries.has(root) && ![...this.entries.keys()].some((k) => k.contains(root) || root.contains(k))) this.attach(root, true);
    // Chips added or removed by the page (the user picked a suggestion) change the draft without an input event.
    for (const e of this.entries.values()) if (!e.unsupported) this.schedule(e);
  }

  private attach(root: Element, unrecognised: boolean): void {
    try {
      const session = unrecognised ? new DomComposeSession(root, this.o.selectors) : this.o.provider.createSession(root, this.o.selectors);
      const unsupported = unrecognised || session.missing().length > 0;
      const banner = new Banner(this.o.lang, unsupported ? undefined : this.o.panelUrl);
      const anchor = unsupported ? root.firstElementChild ?? root : session.bannerAnchor();
      if (anchor === root) root.prepend(banner.host);
      else anchor.parentNode?.insertBefore(banner.host, anchor);
      const entry: Entry = { session, banner, unsupported, bypass: false };
      this.entries.set(root, entry);
      if (unsupported) banner.show({ kind: 'unsupported', provider: this.o.provider.name });
      else {
        this.watchFrames(entry);
        this.evaluate(entry);
      }
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
        doc.addEventListener('keydown', (ev) => this.keydown(e, ev, false), true);
        for (const t of ['input', 'paste', 'cut']) doc.addEventListener(t, () => this.schedule(e), true);
        doc.addEventListener('focusin', () => (this.lastActive = e), true);
      };
      hook();
      frame.addEventListener('load', hook);
    }
  }

  private entryFor(target: EventTarget | null): Entry | undefined {
    if (!(target instanceof Node)) return undefined;
    for (const [root, e] of this.entries) if (root.contains(target)) return e;
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
    if (e && !e.unsupported) this.schedule(e);
  };

  private schedule(e: Entry): void {
    if (e.timer) clearTimeout(e.timer);
    e.timer = setTimeout(() => {
      e.timer = undefined;
      // A pending confirm or stop stays until the user answers it.
      if (e.banner.state.kind !== 'confirm' && e.banner.state.kind !== 'blocked') this.evaluate(e);
    }, this.o.debounceMs ?? 400);
  }

  /** Reads and checks the draft; undefined when it cannot be read (the banner then says so). */
  private evaluate(e: Entry): Verdict | undefined {
    try {
      const draft = e.session.readDraft();
      if (!draft.from && this.o.provider.kind === 'consumer') {
        e.banner.show({ kind: 'unsupported', provider: this.o.provider.name });
        return undefined;
      }
      const verdict = this.o.check(draft);
      e.banner.show({ kind: 'verdict', verdict });
      return verdict;
    } catch {
      e.banner.show({ kind: 'unsupported', provider: this.o.provider.name });
      return undefined;
    }
  }

  private readonly onClick = (ev: MouseEvent) => {
    if (!(ev.target instanceof Element) || this.fromBanner(ev)) return;
    const e = this.entryFor(ev.target);
    if (e && !e.unsupported && e.session.isSendTarget(ev.target)) this.atSend(e, ev);
  };

  private readonly onKeydown = (ev: KeyboardEvent) => {
    if (!(ev.target instanceof Element) || this.fromBanner(ev)) return;
    const e = this.entryFor(ev.target);
    if (e) this.keydown(e, ev, true);
  };

  private keydown(e: Entry, ev: KeyboardEvent, inPage: boolean): void {
    if (e.unsupported) return;
    const enter = ev.key === 'Enter';
    const onSend = inPage && (enter || ev.key === ' ' || ev.key === 'Spacebar') && ev.target instanceof Element && e.session.isSendTarget(ev.target) && !ev.ctrlKey && !ev.metaKey;
    const shortcut = enter && (ev.ctrlKey || ev.metaKey);
    if (onSend || shortcut) this.atSend(e, ev);
  }

  private atSend(e: Entry, ev: Event): void {
    if (e.bypass) {
      e.bypass = false;
      return;
    }
    const verdict = this.evaluate(e);
    if (!verdict || verdict.verdict === 'allow') return;
    ev.preventDefault();
    ev.stopPropagation();
    ev.stopImmediatePropagation();
    if (verdict.verdict === 'block') {
      e.banner.show({ kind: 'blocked', verdict });
      return;
    }
    e.banner.show({
      kind: 'confirm',
      verdict,
      onSend: () => {
        e.banner.show({ kind: 'verdict', verdict });
        e.bypass = true;
        e.session.clickSend();
        e.bypass = false;
      },
      onCancel: () => e.banner.show({ kind: 'verdict', verdict }),
    });
  }
}

/**
 * Compose areas the provider's selectors no longer find: an editor next to a button named « Envoyer » / "Send".
 * Vigie cannot read them reliably, so it only says so.
 */
export function findUnrecognisedCompose(doc: Document = document): Element[] {
  const found: Element[] = [];
  for (const b of doc.querySelectorAll('button, [role="button"]')) {
    const label = b.getAttribute('aria-label') ?? b.textContent ?? '';
    if (!SEND_LABEL.test(label)) continue;
    let n: Element | null = b.parentElement;
    for (let depth = 0; n && depth < 10; depth++, n = n.parentElement) {
      if (n.querySelector('[contenteditable="true"], textarea')) {
        if (n !== doc.body && n !== doc.documentElement) found.push(n);
        break;
      }
    }
  }
  return found;
}
