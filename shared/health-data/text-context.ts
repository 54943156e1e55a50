// One pass over a text: tokens (words folded, numbers) and vocabulary phrase hits, shared by every text detector.
import { charClass, CLASS, foldString } from './fold';
import { lexicon, type Lexicon } from './lexicon';

export const WORD = 1;
export const NUMBER = 2;

/** Largest gap (characters) allowed between two words of one phrase. */
const PHRASE_GAP = 4;

function grow<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

export interface Hit {
  category: number;
  phrase: number;
  start: number;
  end: number;
  /** Token range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
}

export class TextContext {
  readonly text: string;
  readonly lex: Lexicon;
  /** Number of tokens. */
  n = 0;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** Exact vocabulary word id, or -1. */
  id: Int32Array;
  /** Prefix/suffix vocabulary word id, or -1. */
  wid: Int32Array;
  readonly hits: Hit[] = [];
  private byCategory: Hit[][] | undefined;

  constructor(text: string, lex: Lexicon = lexicon()) {
    this.text = text;
    this.lex = lex;
    const cap = Math.max(16, text.length >> 3);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.kind = new Uint8Array(cap);
    this.id = new Int32Array(cap);
    this.wid = new Int32Array(cap);
    this.tokenize();
    this.matchPhrases();
  }

  private push(s: number, e: number, k: number, id: number, wid: number): void {
    if (this.n === this.start.length) {
      const size = this.n * 2;
      this.start = grow(this.start, size);
      this.end = grow(this.end, size);
      this.kind = grow(this.kind, size);
      this.id = grow(this.id, size);
      this.wid = grow(this.wid, size);
    }
    const i = this.n++;
    this.start[i] = s;
    this.end[i] = e;
    this.kind[i] = k;
    this.id[i] = id;
    this.wid[i] = wid;
  }

  private tokenize(): void {
    const text = this.text;
    const len = text.length;
    const lower = text.toLowerCase();
    const sameLength = lower.length === len;
    const lex = this.lex;
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      const k = charClass[c];
      if (k === CLASS.LETTER) {
        let j = i + 1;
        let ascii = c < 0x80;
        while (j < len) {
          const d = text.charCodeAt(j);
          if (charClass[d] === 0) break;
          if (d >= 0x80) ascii = false;
          j++;
        }
        // Words longer than any vocabulary entry cannot match: skip the lookup (and the allocation).
        if (j - i <= 40) {
          const word = ascii && sameLength ? lower.slice(i, j) : foldString(text.slice(i, j));
          this.push(i, j, WORD, lex.exact(word), lex.wildcard(word));
        } else this.push(i, j, WORD, -1, -1);
        i = j;
      } else if (k === CLASS.DIGIT) {
        let j = i + 1;
        while (j < len && charClass[text.charCodeAt(j)] === CLASS.DIGIT) j++;
        const sep = text.charCodeAt(j);
        if ((sep === 0x2c || sep === 0x2e) && charClass[text.charCodeAt(j + 1)] === CLASS.DIGIT) {
          j += 2;
          while (j < len && charClass[text.charCodeAt(j)] === CLASS.DIGIT) j++;
        }
        // Short numbers may be part of a phrase ("diabète de type 2").
        this.push(i, j, NUMBER, j - i <= 3 ? lex.exact(text.slice(i, j)) : -1, -1);
        i = j;
      } else i++;
    }
  }

  private matches(t: number, w: number): boolean {
    return this.id[t] === w || this.wid[t] === w;
  }

  private matchPhrases(): void {
    const { lex } = this;
    // Left to right, longest phrase first; a phrase's inner words do not start other phrases.
    for (let t = 0; t < this.n; t++) {
      if (this.kind[t] !== WORD) continue;
      const a = this.id[t]!;
      const b = this.wid[t]!;
      if (a < 0 && b < 0) continue;
      const best = this.longestAt(t, a >= 0 ? lex.byFirst.get(a) : undefined, b >= 0 ? lex.byFirst.get(b) : undefined);
      if (best) {
        this.hits.push(best);
        t = best.tokEnd - 1;
      }
    }
  }

  private longestAt(t: number, ...lists: (number[] | undefined)[]): Hit | undefined {
    let best: Hit | undefined;
    for (const list of lists) {
      if (!list) continue;
      for (const p of list) {
        const phrase = this.lex.phrases[p]!;
        const len = phrase.words.length;
        if (best && best.tokEnd - best.tokStart >= len) break;
        if (t + len > this.n) continue;
        let ok = true;
        for (let k = 1; k < len; k++) {
          const u = t + k;
          if (!this.matches(u, phrase.words[k]!) || this.start[u]! - this.end[u - 1]! > PHRASE_GAP) {
            ok = false;
            break;
          }
        }
        if (ok) {
          best = { category: phrase.category, phrase: p, start: this.start[t]!, end: this.end[t + len - 1]!, tokStart: t, tokEnd: t + len };
          break;
        }
      }
    }
    return best;
  }

  private hitAtToken: Int32Array | undefined;

  /** The hit that starts at token t, if any. */
  hitAt(t: number): Hit | undefined {
    if (!this.hitAtToken) {
      this.hitAtToken = new Int32Array(this.n).fill(-1);
      this.hits.forEach((h, i) => (this.hitAtToken![h.tokStart] = i));
    }
    if (t < 0 || t >= this.n) return undefined;
    const i = this.hitAtToken[t]!;
    return i < 0 ? undefined : this.hits[i];
  }

  /** Hits of one category, in text order. */
  hitsOf(category: number): Hit[] {
    if (!this.byCategory) {
      this.byCategory = this.lex.categories.map(() => []);
      for (const h of this.hits) this.byCategory[h.category]!.push(h);
    }
    return this.byCategory[category] ?? [];
  }

  /** True when a hit of one of the categories starts within [from, to). */
  hasHitBetween(categories: readonly number[], from: number, to: number): boolean {
    for (const c of categories) {
      const list = this.hitsOf(c);
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.start < from) lo = mid + 1;
        else hi = mid;
      }
      if (lo < list.length && list[lo]!.start < to) return true;
    }
    return false;
  }

  /** Index of the first token starting at or after a character offset. */
  tokenAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.start[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when the token's first character is an upper-case letter in the original text. */
  capitalised(t: number): boolean {
    const ch = this.text.charAt(this.start[t]!);
    return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
  }

  /** Characters between token t-1 and token t. */
  gapBefore(t: number): string {
    return t === 0 ? this.text.slice(0, this.start[0]!) : this.text.slice(this.end[t - 1]!, this.start[t]!);
  }

  /** The token's folded value (words) or raw value (numbers). */
  value(t: number): string {
    const s = this.text.slice(this.start[t]!, this.end[t]!);
    return this.kind[t] === WORD ? foldString(s) : s;
  }

  /** The token has the vocabulary word (exact or wildcard) of the given category's phrase words. */
  isWord(t: number, word: string): boolean {
    if (t < 0 || t >= this.n || this.kind[t] !== WORD) return false;
    return this.end[t]! - this.start[t]! === word.length && foldString(this.text.slice(this.start[t]!, this.end[t]!)) === word;
  }
}
