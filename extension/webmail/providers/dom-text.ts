// Reading and writing a page's text fields the way the page's own scripts notice.

/** Plain text of an editor: a form field's value, a same-origin iframe's body, or an element's rendered text. */
export function textOf(el: Element | null): string {
  if (!el) return '';
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  if (el instanceof HTMLIFrameElement) {
    try {
      const body = el.contentDocument?.body;
      return body ? (body.innerText ?? body.textContent ?? '') : '';
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

export function key(target: Element, type: 'keydown' | 'keyup', k: string, code: number): void {
  target.dispatchEvent(new KeyboardEvent(type, { key: k, code: k, keyCode: code, which: code, bubbles: true, cancelable: true } as KeyboardEventInit));
}
