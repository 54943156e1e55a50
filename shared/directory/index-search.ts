// Searching the directory index: every query word must prefix a word of the mailbox (names, profession, place,
// address…); the rarest word drives and the visit stops as soon as nothing unvisited can outrank the results.
// A word that matches nothing gets one typo forgiven; when still nothing is found, the closest words are offered.
import type { DirectoryEntry } from '../model';
import { closestQueries } from './did-you-mean';
import { displayNameOf } from './entry';
import {
  FIELDS,
  INDEX_FORMAT,
  PLACE_FIELD_SEP,
  PLACE_SEP,
  RPPS_FIELD,
  SEP,
  TYPES,
  lowerBound,
  tableLookup,
  type IndexParts,
  type MatchKind,
  type SearchOptions,
  type SearchResult,
} from './index-format';
import { addressKey, fold } from './normalize';
import { planQuery, type QueryWord } from './query';

interface Term {
  /** Pairs [lo, hi) of word ids. */
  ranges: number[];
  exact: number[];
  qlen: number;
  weight: number;
  size: number;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Mailboxes checked one by one before the other terms' holders are marked, and how long their lists may be. */
const PREFILTER_AFTER = 256;
const PREFILTER_RATIO = 12;

export interface SearchAnswer {
  results: SearchResult[];
  /** When nothing is found: queries with the closest words of the directory, that do find something. */
  didYouMean: string[];
}

export class DirectoryIndex {
  readonly size: number;
  private readonly meta: IndexParts['meta'];
  private readonly records: string[];
  private readonly tokens: string[];
  private readonly a: IndexParts['arrays'];
  // Scratch space reused by every query (the index is single-threaded).
  private readonly stamp: Uint32Array;
  private readonly marks: Uint8Array;
  private domainIds: Map<string, number> | null = null;
  private gen = 0;

  constructor(parts: { meta: IndexParts['meta']; records: string[]; tokens: string[]; arrays: IndexParts['arrays'] }) {
    this.meta = parts.meta;
    this.records = parts.records;
    this.tokens = parts.tokens;
    this.a = parts.arrays;
    this.size = parts.records.length;
    if (
      this.a.docOff.length !== this.size + 1 ||
      this.a.postOff.length !== this.tokens.length + 1 ||
      this.a.addrTable.length !== this.size ||
      this.a.domainOff.length !== this.meta.domains.length + 1
    ) {
      throw new Error('Index incohérent (fichiers mélangés ?). / Inconsistent index (mixed files?).');
    }
    this.stamp = new Uint32Array(this.size);
    this.marks = new Uint8Array(this.size);
  }

  static fromParts(parts: IndexParts): DirectoryIndex {
    if (parts.meta.format !== INDEX_FORMAT) throw new Error(`Format d’index ${parts.meta.format} inconnu. / Unknown index format ${parts.meta.format}.`);
    const records = parts.meta.entries ? parts.records.split('\n') : [];
    const tokens = parts.meta.words ? parts.tokens.split('\n') : [];
    return new DirectoryIndex({ meta: parts.meta, records, tokens, arrays: parts.arrays });
  }

  toParts(): IndexParts {
    return { meta: this.meta, records: this.records.join('\n'), tokens: this.tokens.join('\n'), arrays: this.a };
  }

  get info(): { entries: number; words: number; postings: number; builtAt: string; source?: string; duplicates: number } {
    return {
      entries: this.size,
      words: this.tokens.length,
      postings: this.a.postings.length,
      builtAt: this.meta.builtAt,
      ...(this.meta.source ? { source: this.meta.source } : {}),
      duplicates: this.meta.duplicates,
    };
  }

  /** The mailbox stored at position `doc`. */
  entryAt(doc: number): DirectoryEntry {
    const f = this.records[doc]!.split(SEP);
    const e: Record<string, unknown> = {};
    FIELDS.forEach((name, i) => {
      const v = f[i];
      if (v && name === 'otherPlaces') e[name] = v.split(PLACE_SEP).map(placeFrom);
      else if (v) e[name] = v;
    });
    const entry = e as unknown as Omit<DirectoryEntry, 'displayName'>;
    return { ...entry, displayName: displayNameOf(entry) };
  }

  addressAt(doc: number): string {
    const r = this.records[doc]!;
    return r.slice(0, r.indexOf(SEP));
  }

  /** Position of the mailbox with this address, or -1. */
  findAddress(address: string): number {
    const addr = addressKey(address);
    for (const d of tableLookup(this.a.addrTable, addr)) if (this.addressAt(d) === addr) return d;
    return -1;
  }

  /** Exact address lookup. */
  get(address: string): DirectoryEntry | undefined {
    const doc = this.findAddress(address);
    return doc < 0 ? undefined : this.entryAt(doc);
  }

  /** Every mailbox position of a domain, in local-part order. */
  domainDocs(domain: string): Uint32Array {
    if (!this.domainIds) this.domainIds = new Map(this.meta.domains.map((d, i) => [d, i]));
    const id = this.domainIds.get(domain.trim().toLowerCase());
    if (id === undefined || id === 0) return new Uint32Array(0);
    return this.a.domainDocs.subarray(this.a.domainOff[id]!, this.a.domainOff[id + 1]!);
  }

  /** Every domain with at least one mailbox. */
  domainNames(): string[] {
    return this.meta.domains.filter((d) => d);
  }

  /** Every mailbox of a professional, by RPPS (11 digits) or national id (8 + RPPS). */
  byRpps(id: string): DirectoryEntry[] {
    return this.rppsDocs(id).map((d) => this.entryAt(d));
  }

  private rppsDocs(id: string): number[] {
    let rpps = id.trim();
    if (/^8\d{11}$/.test(rpps)) rpps = rpps.slice(1);
    return tableLookup(this.a.rppsTable, rpps).filter((d) => this.records[d]!.split(SEP)[RPPS_FIELD] === rpps);
  }

  /** Positions of the mailboxes holding exactly this folded word. */
  docsWithWord(word: string): number[] {
    const t = lowerBound(this.tokens, word);
    if (this.tokens[t] !== word) return [];
    const out: number[] = [];
    for (let k = this.a.postOff[t]!; k < this.a.postOff[t + 1]!; k++) out.push(this.a.postings[k]! >>> 1);
    return out;
  }

  /** Words that have this word as a prefix: [lo, hi) in the dictionary. */
  private prefixRange(word: string): [number, number] {
    const lo = lowerBound(this.tokens, word);
    if (lo >= this.tokens.length || !this.tokens[lo]!.startsWith(word)) return [lo, lo];
    return [lo, lowerBound(this.tokens, word + '\x7f')];
  }

  /** A query word: the words it prefixes, and its alternatives as whole words ("saint" for "st"). */
  private term(word: string, alternatives: readonly string[] = [], wholeWord = false): Term {
    const [lo, end] = this.prefixRange(word);
    const hi = wholeWord ? (lo < end && this.tokens[lo] === word ? lo + 1 : lo) : end;
    const exact = lo < hi && this.tokens[lo] === word ? [lo] : [];
    const ranges: [number, number][] = lo < hi ? [[lo, hi]] : [];
    for (const alt of alternatives) {
      const t = lowerBound(this.tokens, alt);
      if (this.tokens[t] === alt) {
        ranges.push([t, t + 1]);
        exact.push(t);
      }
    }
    return this.merged(ranges, exact, word.length, 1);
  }

  /** A term over several ranges of the dictionary, merged and sorted. */
  private merged(ranges: [number, number][], exact: number[], qlen: number, weight: number): Term {
    ranges.sort((x, y) => x[0] - y[0]);
    const merged: number[] = [];
    let size = 0;
    for (const [lo, hi] of ranges) {
      const n = merged.length;
      if (n && lo <= merged[n - 1]!) {
        if (hi > merged[n - 1]!) merged[n - 1] = hi;
      } else merged.push(lo, hi);
    }
    for (let i = 0; i < merged.length; i += 2) size += this.a.postOff[merged[i + 1]!]! - this.a.postOff[merged[i]!]!;
    return { ranges: merged, exact, qlen, weight, size };
  }

  /** Words at one typo (insert, delete, substitute, swap) from `word`, as merged prefix ranges. */
  private fuzzyTerm(word: string): Term {
    // A variant edited at position i begins with word[0..i): it is looked up among the words that do, and when
    // none does, no variant edited there or further on can match.
    let lo = 0;
    let hi = this.tokens.length;
    const ranges: [number, number][] = [];
    const exact: number[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < word.length && lo < hi; i++) {
      const head = word.slice(0, i);
      const variants = [head + word.slice(i + 1)];
      if (i + 1 < word.length) variants.push(head + word[i + 1] + word[i] + word.slice(i + 2));
      for (const c of ALPHABET) {
        if (c !== word[i]) variants.push(head + c + word.slice(i + 1));
        // Insertions (not after the last letter: that only narrows a prefix that already matches nothing).
        variants.push(head + c + word.slice(i));
      }
      for (const v of variants) {
        // A variant shorter than 3 letters would match half the dictionary.
        if (v.length < 3 || seen.has(v)) continue;
        seen.add(v);
        const vlo = lowerBound(this.tokens, v, lo, hi);
        if (vlo >= hi || !this.tokens[vlo]!.startsWith(v)) continue;
        ranges.push([vlo, lowerBound(this.tokens, v + '\x7f', vlo, hi)]);
        if (this.tokens[vlo] === v) exact.push(vlo);
      }
      // The words beginning with word[0..i+1), for the next position.
      const next = word.slice(0, i + 1);
      lo = lowerBound(this.tokens, next, lo, hi);
      hi = lowerBound(this.tokens, next + '\x7f', lo, hi);
    }
    return this.merged(ranges, exact, word.length, 0.5);
  }

  private scoreOf(term: Term, tid: number, name: number): number {
    const exact = term.exact.length === 1 ? term.exact[0] === tid : term.exact.includes(tid);
    let s: number;
    if (exact) s = name ? 8 : 4;
    else {
      const closeness = term.qlen / this.a.tokenLen[tid]!;
      s = name ? 5 + 2 * closeness : 2 + closeness;
    }
    return s * term.weight;
  }

  private nextGen(): number {
    if (this.gen >= 0xfffffff0) {
      this.stamp.fill(0);
      this.gen = 0;
    }
    return ++this.gen;
  }

  private filterFn(opts: SearchOptions): ((doc: number) => boolean) | null {
    const checks: ((doc: number) => boolean)[] = [];
    if (opts.type) {
      const t = TYPES.indexOf(opts.type.toUpperCase());
      const code = t < 0 ? 254 : t;
      const types = this.a.type;
      checks.push((d) => types[d] === code);
    }
    if (opts.profession) {
      const q = fold(opts.profession.trim());
      const mask = new Uint8Array(this.meta.professions.length);
      this.meta.professions.forEach((p, i) => {
        if (i > 0 && (fold(p).startsWith(q) || this.meta.professionCodes[i] === opts.profession!.trim())) mask[i] = 1;
      });
      const prof = this.a.profession;
      checks.push((d) => mask[prof[d]!] === 1);
    }
    if (opts.department) {
      const id = this.meta.departments.indexOf(opts.department.trim().toUpperCase());
      const dept = this.a.department;
      checks.push((d) => id > 0 && dept[d] === id);
    }
    if (!checks.length) return null;
    if (checks.length === 1) return checks[0]!;
    return (d) => checks.every((c) => c(d));
  }

  /**
   * The best score a person's (kind 1) or an organisation's (kind 2) mailbox can get from this term: bounds the
   * search (see evaluate). A person's mailbox cannot match "Lyon" as a name because a hospital is named after Lyon.
   */
  private maxScore(term: Term, kind: 1 | 2): number {
    const kinds = this.a.tokenKinds;
    let best = 0;
    for (const t of term.exact) {
      if (kinds[t]! & kind) return 8 * term.weight;
      if (kinds[t]! & (kind << 2)) best = 4;
    }
    let visited = 0;
    for (let r = 0; r < term.ranges.length; r += 2) {
      for (let t = term.ranges[r]!; t < term.ranges[r + 1]!; t++) {
        // Very wide prefixes: assume the best a prefix can give.
        if (++visited > 4000) return Math.max(best, 7) * term.weight;
        const k = kinds[t]!;
        const sc = k & kind ? this.scoreOf(term, t, 1) : k & (kind << 2) ? this.scoreOf(term, t, 0) : 0;
        if (sc / term.weight > best) best = sc / term.weight;
      }
    }
    return best * term.weight;
  }

  /** Best score of `term` among the words of one mailbox (0: the term does not match it). */
  private docScore(doc: number, term: Term): number {
    const { docOff, docTok } = this.a;
    const ranges = term.ranges;
    const minLo = ranges[0]!;
    const maxHi = ranges[ranges.length - 1]!;
    let best = 0;
    for (let k = docOff[doc]!, end = docOff[doc + 1]!; k < end; k++) {
      const v = docTok[k]!;
      const t = v >>> 1;
      if (t < minLo) continue;
      if (t >= maxHi) break;
      if (inRanges(ranges, t)) {
        const sc = this.scoreOf(term, t, v & 1);
        if (sc > best) best = sc;
      }
    }
    return best;
  }

  /**
   * Mailboxes matching every term (a prefix of one of their words), best first, at most `limit`.
   * The rarest term drives: its words are visited best first (names before other fields, the exact word, then
   * shorter before longer), each of its mailboxes is checked against the other terms through its own word list,
   * and the visit stops as soon as `limit` results are found that nothing still unvisited could outrank.
   */
  private evaluate(terms: Term[], filter: ((doc: number) => boolean) | null, limit: number, personBonus = 0): { doc: number; score: number }[] {
    if (!terms.length || terms.some((t) => !t.ranges.length)) return [];
    const sorted = [...terms].sort((x, y) => x.size - y.size);
    const driver = sorted[0]!;
    const others = sorted.slice(1);
    // Upper bound of what the other terms can add, for a person's mailbox and for an organisation's.
    const upperPer = others.reduce((sum, t) => sum + this.maxScore(t, 1), 0);
    const upperOrg = others.reduce((sum, t) => sum + this.maxScore(t, 2), 0);
    const kinds = this.a.tokenKinds;
    const { postOff, postMid, postings } = this.a;
    const stamp = this.stamp;
    const gen = this.nextGen();

    // One step per (word, name or not, people or organisations): each with its own bound.
    const steps: { t: number; name: number; person: boolean; s: number; bound: number }[] = [];
    for (let r = 0; r < driver.ranges.length; r += 2) {
      for (let t = driver.ranges[r]!; t < driver.ranges[r + 1]!; t++) {
        for (const name of [1, 0]) {
          const k = name ? kinds[t]! & 3 : (kinds[t]! >> 2) & 3;
          if (!k) continue;
          const sc = this.scoreOf(driver, t, name);
          if (k & 1) steps.push({ t, name, person: true, s: sc + personBonus, bound: sc + personBonus + upperPer });
          if (k & 2) steps.push({ t, name, person: false, s: sc, bound: sc + upperOrg });
        }
      }
    }
    steps.sort((x, y) => y.s - x.s || y.name - x.name || x.t - y.t);
    const types = this.a.type;

    const top: { doc: number; score: number }[] = [];
    const full = (bound: number) => top.length === limit && top[limit - 1]!.score >= bound;
    let visited = 0;
    let need = 0;
    for (const { t, name, person, s, bound } of steps) {
      // Bounds are not monotonic across steps (they depend on who holds the word): skip, do not stop.
      if (full(bound)) continue;
      const from = name ? postOff[t]! : postMid[t]!;
      const to = name ? postMid[t]! : postOff[t + 1]!;
      for (let k = from; k < to; k++) {
        const doc = postings[k]! >>> 1;
        if (stamp[doc] === gen) continue;
        const ty = types[doc]!;
        if ((ty === 0 || ty === 3) !== person) continue;
        stamp[doc] = gen;
        if (filter && !filter(doc)) continue;
        // After a while without stopping, the mailboxes holding the other words are marked once: the rest of
        // the visit skips the others without reading their word lists.
        if (++visited === PREFILTER_AFTER) need = this.markOthers(others, driver.size);
        if (need && (this.marks[doc]! & need) !== need) continue;
        let score = s;
        for (let j = 0; j < others.length; j++) {
          const o = this.docScore(doc, others[j]!);
          if (o === 0) {
            score = -1;
            break;
          }
          score += o;
        }
        if (score < 0) continue;
        if (top.length === limit) {
          if (score <= top[limit - 1]!.score) continue;
          top.pop();
        }
        let i = top.length;
        while (i > 0 && top[i - 1]!.score < score) i--;
        top.splice(i, 0, { doc, score });
        if (full(bound)) break;
      }
    }
    return top;
  }

  /**
   * Marks, in one bit per term, the mailboxes holding each of the first eight other terms whose postings are not
   * much longer than the driver's (reading them must cost less than checking the driver's mailboxes). Returns the
   * bits a mailbox must have.
   */
  private markOthers(others: Term[], driverSize: number): number {
    const marks = this.marks;
    marks.fill(0);
    const { postOff, postings } = this.a;
    let need = 0;
    for (let j = 0; j < others.length && j < 8; j++) {
      const term = others[j]!;
      if (term.size > PREFILTER_RATIO * driverSize) continue;
      const bit = 1 << j;
      for (let r = 0; r < term.ranges.length; r += 2) {
        for (let k = postOff[term.ranges[r]!]!, end = postOff[term.ranges[r + 1]!]!; k < end; k++) marks[postings[k]! >>> 1]! |= bit;
      }
      need |= bit;
    }
    return need;
  }

  /** Search: every word of the query must prefix a word of the mailbox (names, profession, place, address…). */
  search(query: string, opts: SearchOptions = {}): SearchResult[] {
    return this.searchWithHints(query, opts).results;
  }

  /** The search, and when it finds nothing, queries with the closest words that do find something. */
  searchWithHints(query: string, opts: SearchOptions = {}): SearchAnswer {
    const limit = Math.max(1, Math.min(500, Math.floor(opts.limit ?? 20)));
    const filter = this.filterFn(opts);
    const q = query.trim();

    if (q.includes('@') && !/\s/.test(q)) {
      const doc = this.findAddress(q);
      if (doc >= 0 && (!filter || filter(doc))) return { results: [{ entry: this.entryAt(doc), score: 100, match: 'address' }], didYouMean: [] };
    }
    const plan = planQuery(q);
    const ws = plan.words;
    if (!ws.length) {
      const out: SearchResult[] = [];
      for (let d = 0; filter && d < this.size && out.length < limit; d++) if (filter(d)) out.push({ entry: this.entryAt(d), score: 0, match: 'words' });
      return { results: out, didYouMean: [] };
    }
    if (ws.length === 1 && /^\d{11}$/.test(ws[0]!.word)) {
      const docs = this.rppsDocs(ws[0]!.word).filter((d) => !filter || filter(d));
      if (docs.length) return { results: docs.slice(0, limit).map((d) => ({ entry: this.entryAt(d), score: 100, match: 'rpps' as const })), didYouMean: [] };
    }
    const bonus = plan.personBonus;
    const terms = ws.map((w) => this.term(w.word, w.alternatives, w.exact));
    let hits = this.evaluate(terms, filter, limit, bonus);
    let match: MatchKind = 'words';
    if (!hits.length) {
      hits = this.forgiving(ws, terms, filter, limit, bonus);
      match = 'fuzzy';
    }
    const results = hits.map((h) => ({ entry: this.entryAt(h.doc), score: Math.round(h.score * 100) / 100, match }));
    const didYouMean = results.length
      ? []
      : closestQueries(
          ws.map((w) => w.word),
          this.dictionary,
          (words) =>
            this.evaluate(
              words.map((w) => this.term(w)),
              filter,
              1,
            ).length > 0,
        );
    return { results, didYouMean };
  }

  /**
   * One typo: each word at edit distance one, the others as typed; the best kept. A word that matches nothing must
   * be the mistyped one; when two words match nothing, one typo cannot explain the query.
   */
  private forgiving(ws: QueryWord[], terms: Term[], filter: ((doc: number) => boolean) | null, limit: number, bonus: number): { doc: number; score: number }[] {
    const merged = new Map<number, number>();
    const unmatched = terms.map((t, i) => (t.ranges.length ? -1 : i)).filter((i) => i >= 0);
    ws.forEach(({ word }, i) => {
      if (unmatched.length > 1 || (unmatched.length === 1 && unmatched[0] !== i)) return;
      if (word.length < 4 || /^\d+$/.test(word)) return;
      const fuzzy = this.fuzzyTerm(word);
      if (!fuzzy.ranges.length) return;
      const alt = terms.map((t, j) => (j === i ? fuzzy : t));
      for (const h of this.evaluate(alt, filter, limit, bonus)) merged.set(h.doc, Math.max(merged.get(h.doc) ?? 0, h.score));
    });
    return [...merged]
      .map(([doc, score]) => ({ doc, score }))
      .sort((x, y) => y.score - x.score || x.doc - y.doc)
      .slice(0, limit);
  }

  /** The sorted dictionary and how many mailboxes hold each word (for spelling suggestions). */
  private get dictionary(): { tokens: readonly string[]; count: (t: number) => number } {
    return { tokens: this.tokens, count: (t) => this.a.postOff[t + 1]! - this.a.postOff[t]! };
  }
}

/** Whether word t lies in one of the sorted, disjoint [lo, hi) pairs (a fuzzy term has hundreds: halves). */
function inRanges(ranges: number[], t: number): boolean {
  let lo = 0;
  let hi = ranges.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges[2 * mid + 1]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length >> 1 && ranges[2 * lo]! <= t;
}

/** One stored place of a merged mailbox. */
function placeFrom(v: string): NonNullable<DirectoryEntry['otherPlaces']>[number] {
  const [organisation, service, postcode, city] = v.split(PLACE_FIELD_SEP);
  return { ...(organisation ? { organisation } : {}), ...(service ? { service } : {}), ...(postcode ? { postcode } : {}), ...(city ? { city } : {}) };
}
