// Length-preserving folding: lower case, no diacritics, one UTF-16 unit in, one out, so offsets stay valid.

const LETTER = 1;
const DIGIT = 2;

/** Character class of every UTF-16 unit: 1 letter, 2 digit, 0 anything else. */
export const charClass = new Uint8Array(0x10000);
/** Folded form of every unit (itself for anything but a letter). */
export const foldTable = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) foldTable[c] = c;

for (let c = 0x30; c <= 0x39; c++) charClass[c] = DIGIT;
for (let c = 0x41; c <= 0x5a; c++) {
  charClass[c] = LETTER;
  foldTable[c] = c + 32;
}
for (let c = 0x61; c <= 0x7a; c++) {
  charClass[c] = LETTER;
  foldTable[c] = c;
}
for (let c = 0xc0; c <= 0x24f; c++) {
  if (c === 0xd7 || c === 0xf7) continue; // × ÷
  const s = String.fromCharCode(c);
  const base = s.normalize('NFD').charAt(0).toLowerCase();
  charClass[c] = LETTER;
  foldTable[c] = base.length === 1 ? base.charCodeAt(0) : s.toLowerCase().charCodeAt(0);
}
// Micro sign and Greek mu both fold to the micro sign (µg, μmol/l).
charClass[0xb5] = LETTER;
foldTable[0xb5] = 0xb5;
charClass[0x3bc] = LETTER;
foldTable[0x3bc] = 0xb5;
charClass[0x39c] = LETTER;
foldTable[0x39c] = 0xb5;

export const CLASS = { LETTER, DIGIT } as const;

/** Folds a string unit by unit (same length as the input). */
export function foldString(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.toLowerCase();
  if (s.length > 1024) {
    let out = '';
    for (let i = 0; i < s.length; i += 1024) out += foldString(s.slice(i, i + 1024));
    return out;
  }
  const codes = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    codes[i] = foldTable[c] || c;
  }
  return String.fromCharCode.apply(null, codes);
}

/** Splits a vocabulary term into folded words, the way the tokenizer splits text (letters+digits after a letter; numbers alone). */
export function termWords(term: string): string[] {
  const words: string[] = [];
  const f = foldString(term);
  let i = 0;
  while (i < f.length) {
    const c = f.charCodeAt(i);
    const k = charClass[c];
    if (k === LETTER || c === 0x2a /* * */) {
      let j = i + 1;
      while (j < f.length && (charClass[f.charCodeAt(j)] !== 0 || f.charCodeAt(j) === 0x2a)) j++;
      words.push(f.slice(i, j));
      i = j;
    } else if (k === DIGIT) {
      let j = i + 1;
      while (j < f.length && charClass[f.charCodeAt(j)] === DIGIT) j++;
      const sep = f.charCodeAt(j);
      if ((sep === 0x2c || sep === 0x2e) && charClass[f.charCodeAt(j + 1)] === DIGIT) {
        j += 2;
        while (j < f.length && charClass[f.charCodeAt(j)] === DIGIT) j++;
      }
      words.push(f.slice(i, j));
      i = j;
    } else i++;
  }
  return words;
}
