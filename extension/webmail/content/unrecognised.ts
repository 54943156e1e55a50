// Compose areas the provider's selectors no longer find: an editor next to a button named « Envoyer » / "Send" (in
// the page's language or English). Vigie cannot read them, but it knows their Send control: it holds it.
import type { ProviderSelectors } from '../providers';
import { DomComposeSession } from '../providers/dom-compose-session';
import type { Part } from '../providers/types';

const SEND_LABEL = /^\s*(envoyer|send)\b/i;

export interface Unrecognised {
  root: Element;
  send: HTMLElement;
}

export function findUnrecognisedCompose(doc: Document = document): Unrecognised[] {
  const found: Unrecognised[] = [];
  for (const b of doc.querySelectorAll<HTMLElement>('button, [role="button"], input[type="submit"]')) {
    const label = b.getAttribute('aria-label') ?? b.getAttribute('data-tooltip') ?? (b instanceof HTMLInputElement ? b.value : b.textContent) ?? '';
    if (!SEND_LABEL.test(label)) continue;
    let n: Element | null = b.parentElement;
    for (let depth = 0; n && depth < 10; depth++, n = n.parentElement) {
      if (n.querySelector('[contenteditable="true"], textarea, iframe')) {
        if (n !== doc.body && n !== doc.documentElement) found.push({ root: n, send: b });
        break;
      }
    }
  }
  return found;
}

/** A compose Vigie found by its Send button only: nothing is readable, Send is known. */
export class UnrecognisedComposeSession extends DomComposeSession {
  constructor(
    root: Element,
    selectors: ProviderSelectors,
    private readonly send: HTMLElement,
  ) {
    super(root, selectors);
  }

  override sendButton(): HTMLElement | null {
    return this.send.isConnected ? this.send : null;
  }

  override missing(): Part[] {
    return ['to', 'body', ...(this.send.isConnected ? [] : (['send'] as Part[]))];
  }
}
