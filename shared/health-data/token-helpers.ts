// Small readings of the token columns shared by the detectors that designate a person.
import { NUMBER, WORD, type TextContext } from './text-context';

/** The string if at most `max` characters long, else undefined (a gap checked by a regex stays short). */
export function small(s: string, max: number): string | undefined {
  return s.length <= max ? s : undefined;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f;
}

/** The token is one of the folded words. */
export function isAny(ctx: TextContext, t: number, words: readonly string[]): boolean {
  return words.some((w) => ctx.isWord(t, w));
}

/** An age in years: a whole number of 1–3 digits, at most 120. */
export function ageAt(ctx: TextContext, t: number): boolean {
  if (t < 0 || t >= ctx.n || ctx.kind[t] !== NUMBER) return false;
  const start = ctx.start[t]!;
  const end = ctx.end[t]!;
  if (end - start > 3) return false;
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = ctx.text.charCodeAt(i) - 0x30;
    // "1,5": a decimal is not an age.
    if (d < 0 || d > 9) return false;
    value = value * 10 + d;
  }
  return value <= 120;
}

/** 1 for a capital letter, 2 for a small one, 0 otherwise (Latin-1 letters: the names of French mail). */
function letterCase(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return 1;
  if (c >= 0x61 && c <= 0x7a) return 2;
  if (c < 0xc0 || c > 0xff || c === 0xd7 || c === 0xf7) return 0;
  return c <= 0xde ? 1 : 2;
}

/** The token is a word of capitals only, at least two ("DUPONT", "PAT" of "PAT-TROIS"). */
export function allCaps(ctx: TextContext, t: number): boolean {
  if (t < 0 || t >= ctx.n || ctx.kind[t] !== WORD) return false;
  const start = ctx.start[t]!;
  const end = ctx.end[t]!;
  if (end - start < 2) return false;
  for (let i = start; i < end; i++) if (letterCase(ctx.text.charCodeAt(i)) !== 1) return false;
  return true;
}

/** The token is a capitalised word: a capital, then small letters only ("Dominique", "Claire"). */
export function capitalisedWord(ctx: TextContext, t: number): boolean {
  if (t < 0 || t >= ctx.n || ctx.kind[t] !== WORD) return false;
  const start = ctx.start[t]!;
  const end = ctx.end[t]!;
  if (end - start < 2 || letterCase(ctx.text.charCodeAt(start)) !== 1) return false;
  for (let i = start + 1; i < end; i++) if (letterCase(ctx.text.charCodeAt(i)) !== 2) return false;
  return true;
}
