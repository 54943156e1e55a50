// The stored shape of the directory index (what is saved and loaded) and the helpers both the builder and the
// search read it with: field order, exact-lookup tables, dictionary bounds.
import type { DirectoryEntry } from '../model';

/** Stored fields of a mailbox, in this order, joined by US (0x1f). */
export const FIELDS = [
  'address',
  'type',
  'civility',
  'familyName',
  'givenName',
  'profession',
  'specialty',
  'rpps',
  'organisation',
  'service',
  'postcode',
  'city',
  'department',
  'otherPlaces',
] as const;
export const SEP = '\x1f';
/** Between the places of a merged mailbox (RS), and between the fields of one place (GS). */
export const PLACE_SEP = '\x1e';
export const PLACE_FIELD_SEP = '\x1d';
export const RPPS_FIELD = FIELDS.indexOf('rpps');
const LETTERS_THEN_DIGITS = /^[a-z].*\d$/;
const TRAILING_DIGITS = /\d+$/;

/** "martin12" → "martin"; numbers alone ("69003") stay. */
export function withoutNumber(word: string): string {
  return LETTERS_THEN_DIGITS.test(word) ? word.replace(TRAILING_DIGITS, '') : word;
}
export const TYPES = ['PER', 'ORG', 'APP', 'CAB'];

export const INDEX_FORMAT = 2;

export interface SearchOptions {
  /** At most this many results (default 20, at most 500). */
  limit?: number;
  /** PER, ORG, APP or CAB. */
  type?: string;
  /** Profession label (accents and case ignored, prefix allowed: "medecin") or code ("10"). */
  profession?: string;
  /** Department code: "69", "2A", "974". */
  department?: string;
}

export type MatchKind = 'address' | 'rpps' | 'words' | 'fuzzy';

export interface SearchResult {
  entry: DirectoryEntry;
  score: number;
  match: MatchKind;
}

export interface BuildReport {
  entries: number;
  duplicates: number;
  words: number;
  postings: number;
}

/** Everything an index is made of, for saving and loading (the host does the file I/O). */
export interface IndexParts {
  meta: {
    format: number;
    entries: number;
    words: number;
    builtAt: string;
    source?: string;
    professions: string[];
    domains: string[];
    professionCodes: string[];
    departments: string[];
    duplicates: number;
  };
  records: string;
  tokens: string;
  arrays: {
    type: Uint8Array;
    profession: Uint16Array;
    department: Uint16Array;
    tokenLen: Uint8Array;
    /** Per word: which mailboxes hold it, as a name (bit 1 people, 2 organisations) or elsewhere (4 people, 8 organisations). */
    tokenKinds: Uint8Array;
    postOff: Uint32Array;
    /** Per word, where its non-name postings start. */
    postMid: Uint32Array;
    postings: Uint32Array;
    /** Exact lookups: sorted (26-bit hash of the key) × 2^26 + mailbox, for addresses and RPPS numbers. */
    addrTable: Float64Array;
    rppsTable: Float64Array;
    /** Mailboxes grouped by domain (`meta.domains` order), in file order. */
    domainOff: Uint32Array;
    domainDocs: Uint32Array;
    docOff: Uint32Array;
    docTok: Uint32Array;
  };
}

export const HASH_SPACE = 2 ** 26;

/** 32-bit FNV-1a hash of a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 26-bit hash of a string. */
export function hash26(s: string): number {
  return hash32(s) & (HASH_SPACE - 1);
}

/** An exact-lookup key: hash and mailbox position in one float (exact up to 2^26 mailboxes). */
export function tableKey(key: string, doc: number): number {
  return hash26(key) * HASH_SPACE + doc;
}

/** Mailboxes whose key has the same hash (the caller compares the stored value). */
export function tableLookup(table: Float64Array, key: string): number[] {
  const base = hash26(key) * HASH_SPACE;
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table[mid]! < base) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < table.length && table[i]! < base + HASH_SPACE; i++) out.push(table[i]! - base);
  return out;
}

export function lowerBound(tokens: readonly string[], key: string, from = 0, to = tokens.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bounded edit distance (insert, delete, substitute, swap of neighbours); returns max+1 beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: lb + 1 }, (_, j) => j);
  for (let i = 1; i <= la; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[lb]!;
}
