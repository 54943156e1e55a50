// Masked excerpts: enough for the user to recognise what was found, never the identifier or the name itself.
import { charClass } from './fold';

/** A NIR as `1 85 ** ** *** *** **`: sex and year of birth kept, the rest hidden. */
export function maskNir(compact: string): string {
  return `${compact.charAt(0)} ${compact.slice(1, 3)} ** ** *** *** **`;
}

/** Every digit after the first `keep` ones replaced by `*`. */
export function maskDigits(s: string, keep = 0): string {
  let seen = 0;
  let out = '';
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') {
      out += seen < keep ? ch : '*';
      seen++;
    } else out += ch;
  }
  return out;
}

/** A name reduced to its initial: `D.`. */
export function maskName(name: string): string {
  const first = name.trim().charAt(0);
  return first ? `${first}.` : '';
}

/** Letters and digits outside the kept ranges replaced by `*` (an attachment name with its matched words and extension visible). */
export function maskOutside(s: string, keep: [number, number][]): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const kept = keep.some(([a, b]) => i >= a && i < b);
    const c = s.charCodeAt(i);
    const alnum = c < 0x250 ? charClass[c] !== 0 : /[\p{L}\p{N}]/u.test(ch);
    out += kept || !alnum ? ch : '*';
  }
  return out;
}

/** A short excerpt of clinical text: the words kept, every number masked, long text cut. */
export function maskClinical(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ');
  const cut = one.length > max ? `${one.slice(0, max - 1)}…` : one;
  // Numbers are masked; digits inside a name (HbA1c, SpO2) are not numbers.
  return cut.replace(/(?<![\p{L}\d])\d+(?:[.,]\d+)?/gu, (n) => n.replace(/\d/g, '*'));
}
