// A compose session driven by a provider's selectors: reads the Draft from the page and acts on it as a user would.
import type { AttachmentInfo, Draft } from '../../../shared/model';
import type { Field, Part, ProviderSelectors, ValueSource, WebmailComposeSession } from './types';
import { findAll, findFirst, query, queryAll, shown } from './query';
import { key, setInputValue, textOf } from './dom-text';

const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]+/;

/** The address in a chip's text or attribute, else the text itself (which the core then reports as unreadable). */
export function addressIn(text: string): string {
  const t = text.trim();
  const m = EMAIL.exec(t);
  return m ? m[0] : t;
}

function read(el: Element, src: ValueSource): string {
  if (src.attribute && el.hasAttribute(src.attribute)) return el.getAttribute(src.attribute) ?? '';
  if (el instanceof HTMLInputElement) return el.value;
  return (el as HTMLElement).innerText ?? el.textContent ?? '';
}

function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

export class DomComposeSession implements WebmailComposeSession {
  constructor(
    readonly root: Element,
    protected readonly s: ProviderSelectors,
  ) {}

  protected doc(): Document {
    return this.root.ownerDocument;
  }

  protected sender(): string {
    for (const src of this.s.from) {
      const el = query(this.root, src.selector) ?? query(this.doc(), src.selector);
      if (!el) continue;
      const v = src.attribute
        ? (el.getAttribute(src.attribute) ?? '')
        : el instanceof HTMLInputElement || el instanceof HTMLSelectElement
          ? el.value
          : (el.textContent ?? '');
      const a = addressIn(v);
      if (a.includes('@')) return a;
    }
    return '';
  }

  /** The element where an address is typed in this field (hidden Cc/Bcc rows included). */
  protected input(field: Field): HTMLElement | null {
    return findFirst(this.root, this.s.recipients[field].input);
  }

  protected recipients(field: Field): string[] {
    const spec = this.s.recipients[field];
    const out: string[] = [];
    // The first chip strategy that finds any chip: two strategies never count one chip twice.
    for (const src of spec.chips) {
      const chips = queryAll(this.root, src.selector);
      if (!chips.length) continue;
      for (const el of chips) {
        const v = addressIn(read(el, src));
        if (v) out.push(v);
      }
      break;
    }
    // What is still being typed counts too: a send with it would carry it. Passed whole: the core reads the field
    // as an RFC 5322 list (a display name may hold a comma or a semicolon).
    const pending = this.pendingText(field);
    if (pending) out.push(pending);
    return out;
  }

  /** Text typed in the field; a contenteditable well holds its chips too, so only the text outside them counts. */
  protected pendingText(field: Field): string {
    const typed = this.input(field);
    if (!typed) return '';
    if (typed instanceof HTMLInputElement || typed instanceof HTMLTextAreaElement) return typed.value.trim();
    const chipSel = this.s.recipients[field].chips.map((c) => c.selector);
    let text = '';
    const walk = (n: Node) => {
      for (const c of n.childNodes) {
        if (c.nodeType === Node.TEXT_NODE) text += c.textContent ?? '';
        else if (c instanceof Element && !chipSel.some((sel) => matches(c, sel) || queryAll(c, sel).length)) walk(c);
      }
    };
    walk(typed);
    return text.replace(/\u200b/g, '').trim();
  }

  protected attachmentNames(): AttachmentInfo[] {
    const names: AttachmentInfo[] = [];
    for (const src of this.s.attachments)
      for (const el of queryAll(this.root, src.selector)) {
        const n = read(el, src).trim();
        if (n) names.push({ name: n });
      }
    return names;
  }

  readDraft(): Draft {
    const subject = findFirst(this.root, this.s.subject);
    return {
      from: this.sender(),
      to: this.recipients('to'),
      cc: this.recipients('cc'),
      bcc: this.recipients('bcc'),
      subject: subject ? textOf(subject) : '',
      body: textOf(findFirst(this.root, this.s.body)),
      attachments: this.attachmentNames(),
    };
  }

  missing(): Part[] {
    const out: Part[] = [];
    if (!this.input('to') && !this.s.recipients.to.chips.some((c) => query(this.root, c.selector))) out.push('to');
    if (!findFirst(this.root, this.s.body)) out.push('body');
    if (!this.sendButton()) out.push('send');
    return out;
  }

  /** Send inside the compose, else where the webmail draws it outside (a shown one: hidden composes keep theirs). */
  sendButton(): HTMLElement | null {
    const inside = findFirst(this.root, this.s.sendButton);
    if (inside) return inside;
    return (findAll(this.doc(), this.s.sendOutside).find(shown) as HTMLElement | undefined) ?? null;
  }

  isSendTarget(target: Element): boolean {
    const btn = this.sendButton();
    return !!btn && (btn === target || btn.contains(target));
  }

  clickSend(): void {
    const btn = this.sendButton();
    if (!btn) return;
    const init = { bubbles: true, cancelable: true, view: this.doc().defaultView } as MouseEventInit;
    btn.dispatchEvent(new MouseEvent('mousedown', init));
    btn.dispatchEvent(new MouseEvent('mouseup', init));
    btn.dispatchEvent(new MouseEvent('click', init));
  }

  insertRecipient(address: string, _displayName: string, field: Field): boolean {
    const spec = this.s.recipients[field];
    let input = this.input(field);
    if ((!input || !input.offsetParent) && spec.toggle) {
      query(this.root, spec.toggle)?.click();
      input = this.input(field);
    }
    if (!input) return false;
    input.focus();
    if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) {
      const before = this.pendingText(field);
      setInputValue(input, before ? `${before}, ${address}` : address);
    } else {
      // A contenteditable well keeps its chips: the address is typed after them.
      input.append(this.doc().createTextNode(address));
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: address, inputType: 'insertText' }));
    }
    // Providers turn typed text into a chip on Enter.
    key(input, 'keydown', 'Enter', 13);
    key(input, 'keyup', 'Enter', 13);
    return true;
  }

  attach(files: File[]): boolean {
    if (!files.length) return true;
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(f);
    const input = this.s.fileInput ? (query<HTMLInputElement>(this.root, this.s.fileInput) ?? query<HTMLInputElement>(this.doc(), this.s.fileInput)) : null;
    if (input) {
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    }
    const zone = this.s.dropZone ? query(this.root, this.s.dropZone) : null;
    if (zone) {
      for (const type of ['dragenter', 'dragover', 'drop'] as const)
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      return true;
    }
    return false;
  }

  setSubject(subject: string): boolean {
    const input = findFirst<HTMLInputElement>(this.root, this.s.subject);
    if (!input) return false;
    setInputValue(input, subject);
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }

  bannerAnchor(): Element {
    return findFirst(this.root, this.s.body) ?? this.root.firstElementChild ?? this.root;
  }
}
