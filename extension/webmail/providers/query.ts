// Finding parts of a webmail page through strategies tried in order. A selector IT typed wrong, or one a browser does
// not support (`:has`), counts as "not found": it never throws into the page.
import type { Strategies } from './types';

export function strategies(s: Strategies | undefined): readonly string[] {
  if (!s) return [];
  return typeof s === 'string' ? [s] : s;
}

export function query<T extends Element = HTMLElement>(scope: ParentNode, selector: string): T | null {
  try {
    return scope.querySelector<T>(selector);
  } catch {
    return null;
  }
}

export function queryAll(scope: ParentNode, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** The first element the first matching strategy finds. */
export function findFirst<T extends Element = HTMLElement>(scope: ParentNode, s: Strategies | undefined): T | null {
  for (const sel of strategies(s)) {
    const el = query<T>(scope, sel);
    if (el) return el;
  }
  return null;
}

/** Every element the first strategy that finds any finds. */
export function findAll(scope: ParentNode, s: Strategies | undefined): Element[] {
  for (const sel of strategies(s)) {
    const els = queryAll(scope, sel);
    if (els.length) return els;
  }
  return [];
}

/** True when the element is drawn (a hidden toolbar of another compose is not this compose's). */
export function shown(el: Element): boolean {
  if ((el as HTMLElement).hidden || el.closest('[hidden]')) return false;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !style || (style.display !== 'none' && style.visibility !== 'hidden');
}
