// "Vouliez-vous dire …": when a query finds nothing, the same query with each word that matches nothing replaced by
// the closest words of the directory (two edits at most, the most frequent first), kept only when it finds someone.
import { editDistance, lowerBound } from './index-format';
import { spelled } from './vocabulary';

export interface Dictionary {
  /** Sorted folded words. */
  tokens: readonly string[];
  /** How many mailboxes hold word number t. */
  count(t: number): number;
}

const MAX_SCANNED = 20000;

/** Words of the dictionary within two edits of `word` (one for short words; or of its beginning, for a word still being typed). */
export function closestWords(word: string, dict: Dictionary, limit = 3): string[] {
  if (word.length < 3 || /^\d+$/.test(word)) return [];
  // A slip rarely hits the first letter; the second one is right, or else it is the one missing or swapped: the
  // dictionary is read only where the words begin with those two letters (the second pair when the first gives none).
  const found: { t: number; d: number }[] = [];
  scan(word, dict, word.slice(0, 2), found);
  if (!found.length) scan(word, dict, word[0]! + word[2]!, found);
  found.sort((x, y) => x.d - y.d || dict.count(y.t) - dict.count(x.t));
  // A word that begins with one already chosen adds nothing: the search reads words as prefixes.
  const out: string[] = [];
  for (const f of found) {
    const w = dict.tokens[f.t]!;
    if (out.length < limit && !out.some((o) => w.startsWith(o) || o.startsWith(w))) out.push(w);
  }
  return out;
}

/** Dictionary words beginning with `start`, within two edits of `word`, added to `found`. */
function scan(word: string, dict: Dictionary, start: string, found: { t: number; d: number }[]): void {
  // Two edits in a word of four letters or less would make it another word altogether.
  const max = word.length <= 4 ? 1 : 2;
  const lo = lowerBound(dict.tokens, start);
  const hi = Math.min(lowerBound(dict.tokens, start + '\x7f'), lo + MAX_SCANNED);
  for (let t = lo; t < hi; t++) {
    const w = dict.tokens[t]!;
    if (w.length < word.length - max) continue;
    let d = editDistance(word, w, max);
    if (d > max && w.length > word.length) d = editDistance(word, w.slice(0, word.length), max) + 0.5;
    if (d <= max && d > 0) found.push({ t, d });
  }
}

/**
 * Up to `limit` corrected queries, vocabulary words written with their accents ("généraliste"): every word that prefixes nothing replaced by one of its closest words; a
 * correction is offered only when `finds` says it finds something.
 */
export function closestQueries(words: string[], dict: Dictionary, finds: (words: string[]) => boolean, limit = 3): string[] {
  const matches = (w: string) => {
    const t = lowerBound(dict.tokens, w);
    return t < dict.tokens.length && dict.tokens[t]!.startsWith(w);
  };
  const options = words.map((w) => (matches(w) ? [w] : closestWords(w, dict)));
  if (options.some((o) => !o.length) || options.every((o, i) => o[0] === words[i])) return [];
  const out: string[] = [];
  // The best correction of every word, then the second choice of each word in turn.
  const tries: string[][] = [options.map((o) => o[0]!)];
  options.forEach((o, i) => o.slice(1, 2).forEach((alt) => tries.push(options.map((p, j) => (j === i ? alt : p[0]!)))));
  for (const t of tries) {
    if (out.length >= limit) break;
    const q = t.map(spelled).join(' ');
    if (!out.includes(q) && finds(t)) out.push(q);
  }
  return out;
}
