// A compose session driven by a provider's selectors: reads the Draft from the page and acts on it as a user would.
import type { AttachmentInfo, Draft } from '../../../shared/model';
import type { Field, ProviderSelectors, ValueSource, WebmailComposeSession } from './types';

const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]+/;

/** The address in a chip's text or attribute, else the text itself (which the core then reports as unreadable). */
export function addressIn(text: string): string {
  const t = text.trim();
  const m = EMAIL.exec(t);
  return m ? m[0] : t;
}

function read(el: Element, src: ValueSource): string {
  if (src.attribute) return el.getAttribute(src.attribute) ?? '';
  return (el as HTMLElement).innerText ?? el.textContent ?? '';
}

function query<T extends Element = HTMLElement>(scope: ParentNode, selector: string): T | null {
  try {
    return scope.querySelector<T>(selector);
  } catch {
    return null; // a selector IT typed wrong must not stop the page
  }
}
function queryAll(scope: ParentNode, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** Plain text of an editor: a form field's value, a same-origin iframe's body, or an element's rendered text. */
export function textOf(el: Element | null): string {
  if (!el) return '';
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  if (el instanceof HTMLIFrameElement) {
    try {
      return el.contentDocument?.body?.innerText ?? '';
    } catch {
      return '';
    }
  }
  return (el as HTMLElement).innerText ?? el.textContent ?? '';
}

/** Sets a text input the way frameworks notice (React keeps its own copy of the value). */
export function setInputValue(input: HTMLInputElement | HTMLTextAreaElement | HTMLElement, value: string): void {
  if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) {
    const proto = input instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (setter) setter.call(input, value);
    else input.value = value;
    (input as unknown as { _valueTracker?: { setValue(v: string): void } })._valueTracker?.setValue('');
  } else {
    input.textContent = value;
  }
  input.dispatchEvent(new InputEvent('input', { bubbles: true, data: value, inputType: 'insertText' }));
}

function key(target: Element, type: 'keydown' | 'keyup', k: string, code: number): void {
  target.dispatchEvent(new KeyboardEvent(type, { key: k, code: k, keyCode: code, which: code, bubbles: true, cancelable: true } as KeyboardEventInit));
}

export class DomComposeSession implements WebmailComposeSession {
  constructor(readonly root: Element, protected readonly s: ProviderSelectors) {}

  protected doc(): Document {
    return this.root.ownerDocument;
  }

  protected sender(): string {
    for (const src of this.s.from) {
      const el = query(this.root, src.selector) ?? query(this.doc(), src.selector);
      if (!el) continue;
      const v = src.attribute ? el.getAttribute(src.attribute) ?? '' : el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.value : el.textContent ?? '';
      const a = addressIn(v);
      if (a.includes('@')) return a;
    }
    return '';
  }

  protected recipients(field: Field): string[] {
    const spec = this.s.recipients[field];
    const out: string[] = [];
    for (const src of spec.chips) for (const el of queryAll(this.root, src.selector)) {
      const v = addressIn(read(el, src));
      if (v) out.push(v);
    }
    // What is still being typed counts too: a send with it would carry it.
    const typed = query<HTMLInputElement>(this.root, spec.input);
    const pending = typed ? textOf(typed).trim() : '';
    // Passed whole: the core reads the field as an RFC 5322 list (a display name may hold a comma or a semicolon).
    if (pending) out.push(pending);
    return out;
  }

  protected attachmentNames(): AttachmentInfo[] {
    const names: AttachmentInfo[] = [];
    for (const src of this.s.attachments) for (const el of queryAll(this.root, src.selector)) {
      const n = read(el, src).trim();
      if (n) names.push({ name: n });
    }
    return names;
  }

  readDraft(): Draft {
    const subject = query<HTMLInputElement>(this.root, this.s.subject);
    return {
      from: this.sender(),
      to: this.recipients('to'),
      cc: this.recipients('cc'),
      bcc: this.recipients('bcc'),
      subject: subject ? textOf(subject) : '',
      body: textOf(query(this.root, this.s.body)),
      attachments: this.attachmentNames(),
    };
  }

  missing(): string[] {
    const parts: [string, string][] = [['body', this.s.body], ['send', this.s.sendButton], ['to', this.s.recipients.to.input]];
    return parts.filter(([, sel]) => !query(this.root, sel)).map(([n]) => n);
  }

  sendButton(): HTMLElement | null {
    return query(this.root, this.s.sendButton);
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
    let input = query<HTMLInputElement>(this.root, spec.input);
    if ((!input || !input.offsetParent) && spec.toggle) {
      query(this.root, spec.toggle)?.click();
      input = query<HTMLInputElement>(this.root, spec.input);
    }
    if (!input) return false;
    input.focus();
    const before = textOf(input).trim();
    setInputValue(input, before ? `${before}, ${address}` : address);
    // Providers turn typed text into a chip on Enter.
    key(input, 'keydown', 'Enter', 13);
    key(input, 'keyup', 'Enter', 13);
    return true;
  }

  attach(files: File[]): boolean {
    if (!files.length) return true;
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(f);
    const input = this.s.fileInput ? query<HTMLInputElement>(this.root, this.s.fileInput) ?? query<HTMLInputElement>(this.doc(), this.s.fileInput) : null;
    if (input) {
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    }
    const zone = this.s.dropZone ? query(this.root, this.s.dropZone) : null;
    if (zone) {
      for (const type of ['dragenter', 'dragover', 'drop'] as const) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      return true;
    }
    return false;
  }

  setSubject(subject: string): boolean {
    const input = query<HTMLInputElement>(this.root, this.s.subject);
    if (!input) return false;
    setInputValue(input, subject);
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }

  bannerAnchor(): Element {
    const body = query(this.root, this.s.body);
    return body ?? this.root.firstElementChild ?? this.root;
  }
}
