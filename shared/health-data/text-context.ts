// One pass over a text: tokens (words folded, numbers) and vocabulary phrase hits, shared by every text detector.
import { charClass, CLASS, foldString } from './fold';
import { lexicon, type Lexicon } from './lexicon';

export const WORD = 1;
export const NUMBER = 2;

/** Words longer than this are not matched against suffixes (no real drug name is this long). */
const MAX_AFFIXED = 40;
/** Digits of the shortest NIR (2A/2B: one of its 15 characters is a letter). */
const NIR_MIN_DIGITS = 14;
/** Numbers of up to this many characters are looked up in the vocabulary. */
const MAX_PHRASE_NUMBER = 4;

/** Hits of one category that detectors read at most (categoryLimit), and signals a detector makes from numbers. */
export const MAX_HITS_READ = 2000;

/** Largest gap (characters) allowed between two words of one phrase. */
const PHRASE_GAP = 4;

/** Bytes per token: start, end, id, wid, hit, hitToken, hitPhrase, byCategory (4 each), kind, mark (1 each). */
const BYTES_PER_TOKEN = 34;
/** Columns for at least this many tokens. */
const MIN_CAP = 64;

/** The token columns of a context, in one buffer: one allocation per text, not six. */
class Columns {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly id: Int32Array;
  readonly wid: Int32Array;
  readonly hit: Int32Array;
  /** By hit (there are never more hits than tokens): its first token, its phrase; and hit numbers by category. */
  readonly hitToken: Int32Array;
  readonly hitPhrase: Int32Array;
  readonly byCategory: Int32Array;
  /** Where each category's hits start in byCategory (one more entry than categories), and a work copy. */
  offsets = new Int32Array(0);
  next = new Int32Array(0);
  readonly kind: Uint8Array;
  readonly mark: Uint8Array;
  constructor(cap: number) {
    const buffer = new ArrayBuffer(cap * BYTES_PER_TOKEN);
    this.start = new Int32Array(buffer, 0, cap);
    this.end = new Int32Array(buffer, cap * 4, cap);
    this.id = new Int32Array(buffer, cap * 8, cap);
    this.wid = new Int32Array(buffer, cap * 12, cap);
    this.hit = new Int32Array(buffer, cap * 16, cap);
    this.hitToken = new Int32Array(buffer, cap * 20, cap);
    this.hitPhrase = new Int32Array(buffer, cap * 24, cap);
    this.byCategory = new Int32Array(buffer, cap * 28, cap);
    this.kind = new Uint8Array(buffer, cap * 32, cap);
    this.mark = new Uint8Array(buffer, cap * 33, cap);
  }
}

const NO_HITS: readonly Hit[] = Object.freeze([]);

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
  /**
   * Where a NIR may be, as [start, end) pairs: each cluster of digit runs at most 2 characters apart that holds 14
   * digits (a NIR has 15 characters, one of which may be a Corsica letter, split by single separators). Most mail has
   * none, and the NIR search is skipped; otherwise it reads these only.
   */
  readonly nirRegions: number[] = [];
  /** The NUMBER tokens, in order (detectors that start from a number read these, not every token). */
  readonly numberTokens: number[] = [];
  /** The WORD tokens that start a vocabulary phrase, in order (the phrase matcher reads these only). */
  private readonly phraseStarts: number[] = [];
  // Token columns (valid below n), sized from the text and doubled when a text has more tokens than expected.
  start!: Int32Array;
  end!: Int32Array;
  kind!: Uint8Array;
  /** Exact vocabulary word id, or -1. */
  id!: Int32Array;
  /** Prefix/suffix vocabulary word id, or -1. */
  wid!: Int32Array;

  constructor(text: string, lex: Lexicon = lexicon()) {
    this.text = text;
    this.lex = lex;
    // About one kept token per 8 characters of mail; grown if needed.
    this.use(new Columns(Math.max(16 + (text.length >> 3), MIN_CAP)));
    this.tokenize();
    this.matchPhrases();
  }

  private columns!: Columns;

  private use(columns: Columns): void {
    this.columns = columns;
    ({
      start: this.start,
      end: this.end,
      id: this.id,
      wid: this.wid,
      hit: this.hitAtToken,
      kind: this.kind,
      hitToken: this.hitToken,
      hitPhrase: this.hitPhrase,
    } = columns);
  }

  /** Only the tokenizer grows the columns, before any hit exists: the token columns are copied, the hit ones are empty. */
  private grow(): void {
    const old = this.columns;
    this.use(new Columns(old.start.length * 2));
    this.start.set(old.start);
    this.end.set(old.end);
    this.id.set(old.id);
    this.wid.set(old.wid);
    this.kind.set(old.kind);
  }

  private push(s: number, e: number, k: number, id: number, wid: number): void {
    const i = this.n;
    if (i === this.start.length) this.grow();
    this.start[i] = s;
    this.end[i] = e;
    this.kind[i] = k;
    this.id[i] = id;
    this.wid[i] = wid;
    this.n = i + 1;
  }

  private tokenize(): void {
    const text = this.text;
    const len = text.length;
    const lex = this.lex;
    const { step, width, unitClass, wordAt, longestFrom } = lex;
    const minAffix = Math.min(lex.minPrefixWord, lex.minSuffixWord);
    // Digit runs close together (at most 2 characters apart: a separator, a Corsica letter) and their digit count.
    let chainStart = -1;
    let chainEnd = -3;
    let chainDigits = 0;
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      // unitClass is 0 exactly for the units in no token (charClass 0): most separators cost one lookup.
      const u0 = unitClass[c]!;
      if (u0 === 0) {
        i++;
        continue;
      }
      if (c - 0x30 >= 10 || c < 0x30) {
        // A letter. One read of the word finds its end and walks the vocabulary automaton; once no vocabulary word
        // can continue (state 0), only the end is looked for.
        let state = step[width + u0]!;
        let j = i + 1;
        for (; j < len && state !== 0; j++) {
          const u = unitClass[text.charCodeAt(j)]!;
          if (u === 0) break;
          state = step[state * width + u]!;
        }
        if (state === 0) while (j < len && unitClass[text.charCodeAt(j)] !== 0) j++;
        const wordLength = j - i;
        // "2A", "2B": a Corsica département inside a NIR; the digits glued after the letter belong to the chain.
        if (i === chainEnd && (c === 0x41 || c === 0x42 || c === 0x61 || c === 0x62)) {
          for (let x = i + 1; x < j; x++) if (charClass[text.charCodeAt(x)] === CLASS.DIGIT) chainDigits++;
          chainEnd = j;
          if (chainDigits >= NIR_MIN_DIGITS) this.nirRegion(chainStart, chainEnd);
        }
        // Kept: vocabulary words, and words starting with a capital or an accented letter (names). Lower-case words
        // outside the vocabulary are dropped: every detector checks the characters between the tokens it joins, so a
        // dropped word only ever breaks a match.
        const id = wordAt[state]!;
        let wid = -1;
        if (id < 0 && wordLength >= minAffix && wordLength <= MAX_AFFIXED && lex.mayHaveAffix(text, i, j)) wid = lex.wildcard(foldString(text.slice(i, j)));
        if (id >= 0 || wid >= 0 || c < 0x61 || c > 0x7a) {
          if ((id >= 0 && longestFrom[id]! > 0) || (wid >= 0 && longestFrom[wid]! > 0)) this.phraseStarts.push(this.n);
          this.push(i, j, WORD, id, wid);
        }
        // The word ended at a unit that is in no token (or at the end): read past it.
        i = j + 1;
      } else {
        let j = i + 1;
        while (j < len && charClass[text.charCodeAt(j)] === CLASS.DIGIT) j++;
        const sep = j + 1 < len ? text.charCodeAt(j) : 0;
        if ((sep === 0x2c || sep === 0x2e) && charClass[text.charCodeAt(j + 1)] === CLASS.DIGIT) {
          j += 2;
          while (j < len && charClass[text.charCodeAt(j)] === CLASS.DIGIT) j++;
        }
        if (i - chainEnd <= 2) chainDigits += j - i;
        else {
          chainStart = i;
          chainDigits = j - i;
        }
        chainEnd = j;
        if (chainDigits >= NIR_MIN_DIGITS) this.nirRegion(chainStart, chainEnd);
        // Short numbers may be part of a phrase ("diabète de type 2", "1,73 m²").
        this.numberTokens.push(this.n);
        this.push(i, j, NUMBER, j - i <= MAX_PHRASE_NUMBER ? lex.exactRange(text, i, j) : -1, -1);
        i = j;
      }
    }
  }

  /** One mark per token, all cleared, for a detector to note tokens it has used (valid until the next call). */
  marks(): Uint8Array {
    const mark = this.columns.mark;
    mark.fill(0, 0, this.n);
    return mark;
  }

  /** A cluster of digit runs holds enough digits for a NIR: its region is added, or extended to its new end. */
  private nirRegion(start: number, end: number): void {
    const regions = this.nirRegions;
    if (regions.length && regions[regions.length - 2] === start) regions[regions.length - 1] = end;
    else regions.push(start, end);
  }

  private matches(t: number, w: number): boolean {
    return this.id[t] === w || this.wid[t] === w;
  }

  // Hits as two columns (phrase, first token), views of the token buffer: a Hit object is made only when hitsOf asks.
  private hitPhrase!: Int32Array;
  private hitToken!: Int32Array;
  /** Number of phrase hits. */
  hitCount = 0;

  private matchPhrases(): void {
    const { lex } = this;
    const { longestFrom, singleFrom, phraseLength } = lex;
    // Left to right, longest phrase first; a phrase's inner words do not start other phrases.
    let free = 0;
    for (const t of this.phraseStarts) {
      if (t < free) continue;
      const a = this.id[t]!;
      const b = this.wid[t]!;
      const longA = a >= 0 ? longestFrom[a]! : 0;
      const longB = b >= 0 ? longestFrom[b]! : 0;
      let best: number;
      // Most words start only a one-word phrase: no list to walk.
      if (longA <= 1 && longB <= 1) best = a >= 0 && singleFrom[a]! >= 0 ? singleFrom[a]! : b >= 0 ? singleFrom[b]! : -1;
      else {
        best = longA ? this.longestAt(t, lex.byFirst[a]!, -1) : -1;
        if (longB) best = this.longestAt(t, lex.byFirst[b]!, best);
      }
      if (best >= 0) {
        this.hitPhrase[this.hitCount] = best;
        this.hitToken[this.hitCount] = t;
        this.hitCount++;
        free = t + phraseLength[best]!;
      }
    }
  }

  /** The longest phrase of the list that matches at token t, if longer than phrase `best` (-1: none). */
  private longestAt(t: number, list: number[], best: number): number {
    const { phraseLength, phrases, phraseSecond } = this.lex;
    const bestLength = best >= 0 ? phraseLength[best]! : 0;
    const nextId = t + 1 < this.n ? this.id[t + 1]! : -2;
    const nextWid = t + 1 < this.n ? this.wid[t + 1]! : -2;
    for (const p of list) {
      const len = phraseLength[p]!;
      if (bestLength >= len) break;
      if (t + len > this.n) continue;
      const second = phraseSecond[p]!;
      if (second >= 0 && second !== nextId && second !== nextWid) continue;
      const words = phrases[p]!.words;
      let ok = true;
      for (let k = 1; k < len; k++) {
        const u = t + k;
        if (!this.matches(u, words[k]!) || this.start[u]! - this.end[u - 1]! > PHRASE_GAP) {
          ok = false;
          break;
        }
      }
      if (ok) return p;
    }
    return best;
  }

  private hitObjects: (Hit | undefined)[] = [];

  /** Hit number i as an object (made once). */
  private hit(i: number): Hit {
    let h = this.hitObjects[i];
    if (!h) {
      const p = this.hitPhrase[i]!;
      const t = this.hitToken[i]!;
      const len = this.lex.phraseLength[p]!;
      h = { category: this.lex.phraseCategory[p]!, phrase: p, start: this.start[t]!, end: this.end[t + len - 1]!, tokStart: t, tokEnd: t + len };
      this.hitObjects[i] = h;
    }
    return h;
  }

  /** Hit number starting at each token, or -1 (filled on first use). */
  private hitAtToken!: Int32Array;
  private hitAtFilled = false;

  /** Number of the hit that starts at token t, or -1 (no object made). */
  hitNumberAt(t: number): number {
    if (!this.hitAtFilled) {
      this.hitAtToken.fill(-1, 0, this.n);
      for (let i = 0; i < this.hitCount; i++) this.hitAtToken[this.hitToken[i]!] = i;
      this.hitAtFilled = true;
    }
    return t < 0 || t >= this.n ? -1 : this.hitAtToken[t]!;
  }

  /** Category of the hit starting at token t, or -1 (no object made). */
  categoryAt(t: number): number {
    const i = this.hitNumberAt(t);
    return i < 0 ? -1 : this.lex.phraseCategory[this.hitPhrase[i]!]!;
  }

  private readonly span: Omit<Hit, 'category' | 'phrase'> = { start: 0, end: 0, tokStart: 0, tokEnd: 0 };

  /**
   * Where hit number i lies, in one object reused by every call (read it before the next call): loops over a
   * category's hits make no object per hit.
   */
  hitSpan(i: number): Readonly<Omit<Hit, 'category' | 'phrase'>> {
    const span = this.span;
    span.tokStart = this.hitToken[i]!;
    span.tokEnd = this.hitEndToken(i);
    span.start = this.start[span.tokStart]!;
    span.end = this.end[span.tokEnd - 1]!;
    return span;
  }

  /** Category of hit number i. */
  hitCategory(i: number): number {
    return this.lex.phraseCategory[this.hitPhrase[i]!]!;
  }

  /** Character offset where hit number i ends. */
  hitEnd(i: number): number {
    return this.end[this.hitEndToken(i) - 1]!;
  }

  /**
   * The hits of one category are hit numbers `categoryHit(k)` for k in [categoryFirst(c), categoryEnd(c)), in text
   * order (read them with hitFirstToken / hitEndToken: no object, no list made).
   */
  categoryFirst(category: number): number {
    return this.categoryOffsets()[category]!;
  }
  categoryEnd(category: number): number {
    return this.categoryOffsets()[category + 1]!;
  }
  /**
   * Where detectors stop reading a category's hits: its end, or MAX_HITS_READ hits on. Mail never comes near; a flood
   * (a pasted export, an attack) is decided on its first thousands of designations and facts, with bounded work.
   */
  categoryLimit(category: number): number {
    return Math.min(this.categoryEnd(category), this.categoryFirst(category) + MAX_HITS_READ);
  }
  categoryHit(k: number): number {
    return this.columns.byCategory[k]!;
  }

  private offsetsReady = false;

  /** Hit numbers grouped by category (a counting sort into the columns): made on first use. */
  private categoryOffsets(): Int32Array {
    const columns = this.columns;
    const count = this.lex.categories.length + 1;
    if (columns.offsets.length < count) {
      columns.offsets = new Int32Array(count);
      columns.next = new Int32Array(count);
    }
    const { offsets, next, byCategory } = columns;
    if (!this.offsetsReady) {
      const { phraseCategory } = this.lex;
      offsets.fill(0, 0, count);
      for (let i = 0; i < this.hitCount; i++) offsets[phraseCategory[this.hitPhrase[i]!]! + 1]!++;
      for (let c = 1; c < count; c++) offsets[c]! += offsets[c - 1]!;
      next.set(offsets.subarray(0, count));
      for (let i = 0; i < this.hitCount; i++) byCategory[next[phraseCategory[this.hitPhrase[i]!]!]!++] = i;
      this.offsetsReady = true;
    }
    return offsets;
  }

  /** First token of hit i, and the token after its last. */
  hitFirstToken(i: number): number {
    return this.hitToken[i]!;
  }
  /** Phrase index of hit i. */
  hitPhraseOf(i: number): number {
    return this.hitPhrase[i]!;
  }
  hitEndToken(i: number): number {
    return this.hitToken[i]! + this.lex.phraseLength[this.hitPhrase[i]!]!;
  }

  private hitsByCategory: (Hit[] | undefined)[] = [];

  /** Hits of one category, in text order. */
  hitsOf(category: number): readonly Hit[] {
    let list = this.hitsByCategory[category];
    if (list) return list;
    const first = this.categoryFirst(category);
    const end = this.categoryEnd(category);
    if (first === end) return NO_HITS;
    list = [];
    for (let k = first; k < end; k++) list.push(this.hit(this.categoryHit(k)));
    this.hitsByCategory[category] = list;
    return list;
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
    const c = this.text.charCodeAt(this.start[t]!);
    if (c < 0x80) return c >= 0x41 && c <= 0x5a;
    if (c >= 0xc0 && c <= 0xde) return c !== 0xd7;
    const ch = String.fromCharCode(c);
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
    if (t < 0 || t >= this.n || this.kind[t] !== WORD || this.end[t]! - this.start[t]! !== word.length) return false;
    // A vocabulary word is compared by id (the token's id is its exact folded word's).
    const id = this.lex.exact(word);
    if (id >= 0) return this.id[t] === id;
    return this.end[t]! - this.start[t]! === word.length && foldString(this.text.slice(this.start[t]!, this.end[t]!)) === word;
  }
}
