// Masked excerpts: enough for the user to recognise what was found, never the identifier or the name itself.
import { charClass } from './fold';
import { LETTER, LETTER_OR_DIGIT } from '../text/unicode-regex';

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
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    let kept = false;
    for (let k = 0; k < keep.length && !kept; k++) kept = i >= keep[k]![0] && i < keep[k]![1];
    if (kept) continue;
    const c = s.charCodeAt(i);
    if (c < 0x250 ? charClass[c] !== 0 : LETTER_OR_DIGIT.test(s.charAt(i))) {
      out += `${s.slice(from, i)}*`;
      from = i + 1;
    }
  }
  return out + s.slice(from);
}

/** What maskClinical changes: digits, and blanks other than single spaces. */
const NEEDS_MASK = /[0-9\t\n\r\u00a0]| {2}|^ | $/;

/** A short excerpt of clinical text: the words kept, every number masked (digits inside a name such as HbA1c or SpO2 kept), long text cut. */
export function maskClinical(s: string, max = 60): string {
  // Most clinical words have nothing to mask or collapse: shown as they are.
  if (s.length <= max && !NEEDS_MASK.test(s)) return s;
  let out = '';
  let space = false;
  let inNumber = false;
  let prevAlnum = false;
  for (let i = 0; i < s.length && out.length < max; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0) {
      space = true;
      inNumber = false;
      prevAlnum = false;
      continue;
    }
    if (space && out) out += ' ';
    space = false;
    const digit = c >= 0x30 && c <= 0x39;
    // A number starts at a digit not glued to a letter or digit; it goes on through digits and one , or . between digits.
    if (digit && (inNumber || !prevAlnum)) {
      inNumber = true;
      out += '*';
    } else if (inNumber && (c === 0x2c || c === 0x2e) && i + 1 < s.length && s.charCodeAt(i + 1) >= 0x30 && s.charCodeAt(i + 1) <= 0x39) {
      out += s.charAt(i);
    } else {
      inNumber = false;
      out += s.charAt(i);
    }
    prevAlnum = digit || (c < 0x250 ? charClass[c] !== 0 : LETTER.test(s.charAt(i)));
  }
  return out.length >= max && s.length > out.length ? `${out.slice(0, max - 1)}…` : out;
}
