// Text folding for the directory: case- and accent-insensitive tokens, the same on both sides (index and query).

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;
const SPLIT = /[^a-z0-9]+/;

/** Lower-case, accents and ligatures removed: "Lefèvre-Bonnaventure" → "lefevre-bonnaventure". */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/[’ʼ`]/g, "'");
}

/** Words of a text after folding; every non-alphanumeric character separates words. */
export function words(text: string): string[] {
  const folded = fold(text);
  const out: string[] = [];
  for (const w of folded.split(SPLIT)) if (w) out.push(w);
  return out;
}

/**
 * Small words that carry no meaning in organisation names and specialties ("Centre hospitalier de Lyon").
 * They are indexed in people's names ("Le Goff") but dropped from queries that have other words.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'et',
  'd',
  'l',
  'en',
  'a',
  'au',
  'aux',
  'sur',
  'sous',
  'pour',
  'par',
]);

/** Words of a name, plus the name written as one word when it has several ("Le Goff" → le, goff, legoff). */
export function nameWords(text: string): string[] {
  const ws = words(text);
  if (ws.length > 1) ws.push(ws.join(''));
  return ws;
}

/** The mailbox address as the directory keys it: trimmed, lower-case. */
export function addressKey(address: string): string {
  return address.trim().toLowerCase();
}
