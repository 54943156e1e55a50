// Place names as La Poste routing lines and the FHIR API write them, folded the same way on every side:
// "97400 ST DENIS CEDEX" and "Saint-Denis" both name Saint-Denis.
import { fold } from './normalize';
import { PLACE_ABBREVIATIONS, PLACE_NOISE } from './vocabulary';

const CEDEX = /(^|\s)CEDEX(\s+\d{1,3})?(?=\s|$)/gi;
const ABBREVIATION = /(^|[\s-])(STES?|STS?)(?=[\s-])/gi;

/** "LYON CEDEX 03" → "LYON"; "ST DENIS" → "SAINT DENIS"; "Ste-Clotilde" → "Sainte-Clotilde"; spaces trimmed. */
export function cityName(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  if (!s) return '';
  s = s.replace(CEDEX, ' ').replace(/\s+/g, ' ').trim();
  return s.replace(ABBREVIATION, (_m, sep: string, abbr: string) => {
    const full = PLACE_ABBREVIATIONS[abbr.toLowerCase()]!;
    return sep + (abbr === abbr.toUpperCase() ? full.toUpperCase() : full[0]!.toUpperCase() + full.slice(1));
  });
}

/** A query word as a place word: "st" → "saint"; "cedex" → "" (ignored). Other words unchanged. */
export function placeWord(word: string): string {
  if (PLACE_NOISE.has(word)) return '';
  return PLACE_ABBREVIATIONS[word] ?? word;
}

/** Folded words of a place name, abbreviations expanded. */
export function placeWords(raw: string): string[] {
  const out: string[] = [];
  for (const w of fold(cityName(raw)).split(/[^a-z0-9]+/)) {
    const p = w && placeWord(w);
    if (p) out.push(p);
  }
  return out;
}
