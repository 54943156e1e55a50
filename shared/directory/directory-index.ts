// The local index of every MSSanté mailbox: a sorted dictionary of folded words (so a prefix is a contiguous
// range of word ids), postings as one typed array in dictionary order (so a prefix's postings are one slice),
// and a forward list of word ids per mailbox (so a rare word can drive and the others are checked per mailbox).
import type { DirectoryEntry } from '../model';
import type { ExtractionRow } from './extraction';
import { displayNameOf } from './entry';
import { STOP_WORDS, addressKey, fold, nameWords, words } from './normalize';

/** Stored fields of a mailbox, in this order, joined by US (0x1f). */
const FIELDS = ['address', 'type', 'civility', 'familyName', 'givenName', 'profession', 'specialty', 'rpps', 'organisation', 'service', 'postcode', 'city', 'department'] as const;
const SEP = '\x1f';
const UNSAFE_ALL = /[\x1f\n]/g;
const LETTERS_THEN_DIGITS = /^[a-z].*\d$/;
const TRAILING_DIGITS = /\d+$/;

/** "martin12" → "martin"; numbers alone ("69003") stay. */
export function withoutNumber(word: string): string {
  return LETTERS_THEN_DIGITS.test(word) ? word.replace(TRAILING_DIGITS, '') : word;
}
const TYPES = ['PER', 'ORG', 'APP', 'CAB'];
/** Domain labels present in nearly every address: not worth a word. */
const DOMAIN_NOISE = new Set(['mssante', 'fr', 'org', 'com', 'net']);
const domainWords = (domain: string): string[] => words(domain).filter((w) => !DOMAIN_NOISE.has(w));
const NAME = 1;
const OTHER = 0;

export const INDEX_FORMAT = 1;

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

/**
 * A copy of a string that holds its own characters. Substrings of the input text keep the whole chunk they were
 * cut from alive; whatever the index keeps for good must not.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

class Interner {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [''];
  readonly codes: string[] = [''];
  constructor() {
    this.ids.set('', 0);
  }
  id(value: string, code = ''): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      value = detach(value);
      this.ids.set(value, id);
      this.values.push(value);
      this.codes.push(detach(code));
    }
    return id;
  }
}

const HASH_SPACE = 2 ** 26;

/** 32-bit FNV-1a hash of a string. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 26-bit hash of a string. */
function hash26(s: string): number {
  return hash32(s) & (HASH_SPACE - 1);
}

/** An exact-lookup key: hash and mailbox position in one float (exact up to 2^26 mailboxes). */
function tableKey(key: string, doc: number): number {
  return hash26(key) * HASH_SPACE + doc;
}

/** Mailboxes whose key has the same hash (the caller compares the stored value). */
function tableLookup(table: Float64Array, key: string): number[] {
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

function lowerBound(tokens: readonly string[], key: string): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Keyed {
  ids: number[];
  id: number;
}

/** Collects rows, then builds the index in one pass (once). Duplicate addresses keep their first row. */
export class DirectoryIndexBuilder {
  private readonly records: string[] = [];
  /** Open-addressing set of the addresses already added: slot → mailbox + 1 (0 = empty). */
  private slots = new Int32Array(1 << 16);
  private hashes: number[] = [];
  private readonly tokenIds = new Map<string, number>();
  private readonly cName = new Map<string, number[]>();
  private readonly cOrgName = new Map<string, number[]>();
  private readonly cOrgOther = new Map<string, number[]>();
  private readonly cProf = new Map<string, number[]>();
  private readonly cPlace = new Map<string, number[]>();
  private readonly cCode = new Map<string, number[]>();
  private readonly cDomain = new Map<string, number[]>();
  private readonly cProfession = new Map<string, Keyed>();
  private readonly cDepartment = new Map<string, Keyed>();
  private readonly cDomainKeyed = new Map<string, Keyed>();
  private readonly rppsKeys: number[] = [];
  private readonly domains = new Interner();
  private readonly domainIds: number[] = [];
  private forward = new Uint32Array(1 << 20);
  private fwdLen = 0;
  private readonly docOff: number[] = [0];
  private readonly types: number[] = [];
  private readonly professions = new Interner();
  private readonly departments = new Interner();
  private readonly profIds: number[] = [];
  private readonly deptIds: number[] = [];
  private readonly persons: number[] = [];
  private built = false;
  private duplicates = 0;
  private scratch: number[] = [];

  private tok(word: string): number {
    let id = this.tokenIds.get(word);
    if (id === undefined) {
      id = this.tokenIds.size;
      this.tokenIds.set(word, id);
    }
    return id;
  }

  /** Word ids (id*2 + flag) of one field value, cached: most values repeat (professions, cities, names). */
  private field(cache: Map<string, number[]>, value: string, flag: number, split: (v: string) => string[], stop: boolean): number[] {
    if (!value) return [];
    let ids = cache.get(value);
    if (!ids) {
      ids = [];
      for (const w of split(value)) if (!stop || !STOP_WORDS.has(w)) ids.push(this.tok(w) * 2 + flag);
      cache.set(value, ids);
    }
    return ids;
  }

  add(row: ExtractionRow): boolean {
    if (this.built) throw new Error('DirectoryIndexBuilder: add() after build()');
    const address = addressKey(row.address);
    const h = hash32(address);
    let mask = this.slots.length - 1;
    let slot = h & mask;
    for (let d = this.slots[slot]!; d !== 0; d = this.slots[slot]!) {
      const rec = this.records[d - 1]!;
      if (this.hashes[d - 1] === h && rec.startsWith(address) && rec.charCodeAt(address.length) === 0x1f) {
        this.duplicates++;
        return false;
      }
      slot = (slot + 1) & mask;
    }
    const doc = this.records.length;
    this.slots[slot] = doc + 1;
    this.hashes.push(h);
    if ((doc + 1) * 2 > this.slots.length) {
      // Keep the table at most half full.
      const bigger = new Int32Array(this.slots.length * 2);
      mask = bigger.length - 1;
      for (let i = 0; i <= doc; i++) {
        let j = this.hashes[i]! & mask;
        while (bigger[j] !== 0) j = (j + 1) & mask;
        bigger[j] = i + 1;
      }
      this.slots = bigger;
    }
    const organisation = row.organisation || row.tradeName;
    // Array.join makes one flat string per mailbox: nothing keeps the input text alive.
    const cells = [address, row.type, row.civility, row.familyName, row.givenName, row.profession, row.specialty, row.rpps, organisation, row.service, row.postcode, row.city, row.department];
    for (let i = 1; i < cells.length; i++) {
      const v = cells[i]!;
      if (v && (v.includes(SEP) || v.includes('\n'))) cells[i] = v.replace(UNSAFE_ALL, ' ');
    }
    this.records.push(cells.join(SEP));
    const t = TYPES.indexOf(row.type);
    this.types.push(t < 0 ? 255 : t);
    // Profession, department and domain: one cached lookup gives both their words and their number.
    let prof = this.cProfession.get(row.profession);
    if (!prof) {
      prof = { ids: this.field(this.cProf, row.profession, OTHER, words, true), id: this.professions.id(row.profession, row.professionCode) };
      this.cProfession.set(row.profession, prof);
    }
    let dept = this.cDepartment.get(row.department);
    if (!dept) {
      dept = { ids: this.field(this.cCode, row.department, OTHER, words, false), id: this.departments.id(row.department) };
      this.cDepartment.set(row.department, dept);
    }
    this.profIds.push(prof.id);
    this.deptIds.push(dept.id);

    const person = !!(row.familyName || row.givenName);
    this.persons.push(row.type === 'PER' || row.type === 'CAB' ? 1 : 0);
    const orgFlag = person ? OTHER : NAME;
    const s = this.scratch;
    s.length = 0;
    const push = (ids: number[]) => {
      for (const id of ids) s.push(id);
    };
    push(this.field(this.cName, row.familyName, NAME, nameWords, false));
    push(this.field(this.cName, row.givenName, NAME, nameWords, false));
    push(this.field(person ? this.cOrgOther : this.cOrgName, organisation, orgFlag, words, true));
    if (row.tradeName && row.tradeName !== organisation) push(this.field(person ? this.cOrgOther : this.cOrgName, row.tradeName, orgFlag, words, true));
    push(this.field(person ? this.cOrgOther : this.cOrgName, row.service, orgFlag, words, true));
    push(prof.ids);
    push(this.field(this.cProf, row.specialty, OTHER, words, true));
    push(this.field(this.cPlace, row.city, OTHER, words, true));
    push(this.field(this.cCode, row.postcode, OTHER, words, false));
    push(dept.ids);
    // RPPS numbers are unique: kept in an exact-lookup table, not in the word dictionary.
    if (row.rpps) this.rppsKeys.push(tableKey(row.rpps, doc));
    const at = address.lastIndexOf('@');
    // Local-part words without their disambiguating number ("martin12" → "martin"): the number says nothing a
    // user would type, and exact addresses are found through the address table.
    for (const w of words(address.slice(0, at))) s.push(this.tok(withoutNumber(w)) * 2);
    const domain = address.slice(at + 1);
    let dom = this.cDomainKeyed.get(domain);
    if (!dom) {
      dom = { ids: this.field(this.cDomain, domain, OTHER, domainWords, false), id: this.domains.id(domain) };
      this.cDomainKeyed.set(domain, dom);
    }
    push(dom.ids);
    this.domainIds.push(dom.id);

    // Sort, merge duplicates (a word both in a name and elsewhere keeps the name flag).
    for (let i = 1; i < s.length; i++) {
      const v = s[i]!;
      let j = i - 1;
      while (j >= 0 && s[j]! > v) {
        s[j + 1] = s[j]!;
        j--;
      }
      s[j + 1] = v;
    }
    if (this.fwdLen + s.length > this.forward.length) {
      const bigger = new Uint32Array(Math.max(this.forward.length * 2, this.fwdLen + s.length));
      bigger.set(this.forward.subarray(0, this.fwdLen));
      this.forward = bigger;
    }
    let last = -1;
    for (const v of s) {
      const id = v >>> 1;
      if (id === last) {
        this.forward[this.fwdLen - 1]! |= v & 1;
        continue;
      }
      this.forward[this.fwdLen++] = v;
      last = id;
    }
    this.docOff.push(this.fwdLen);
    return true;
  }

  get size(): number {
    return this.records.length;
  }

  build(meta: { source?: string; builtAt?: string } = {}): DirectoryIndex {
    const n = this.records.length;
    const tokenList = [...this.tokenIds.keys()];
    const T = tokenList.length;
    const tokens = tokenList.map(detach).sort();
    const remap = new Uint32Array(T);
    const tokenLen = new Uint8Array(T);
    tokens.forEach((w, i) => {
      remap[this.tokenIds.get(w)!] = i;
      tokenLen[i] = Math.min(255, w.length);
    });

    const docOff = Uint32Array.from(this.docOff);
    const docTok = this.forward.slice(0, this.fwdLen);
    const counts = new Uint32Array(T + 1);
    const nameCounts = new Uint32Array(T);
    const tokenKinds = new Uint8Array(T);
    for (let d = 0; d < n; d++) {
      const a = docOff[d]!;
      const b = docOff[d + 1]!;
      for (let k = a; k < b; k++) {
        const v = docTok[k]!;
        docTok[k] = (remap[v >>> 1]! << 1) | (v & 1);
      }
      // Insertion sort: a mailbox has about twenty words.
      for (let k = a + 1; k < b; k++) {
        const v = docTok[k]!;
        let j = k - 1;
        while (j >= a && docTok[j]! > v) {
          docTok[j + 1] = docTok[j]!;
          j--;
        }
        docTok[j + 1] = v;
      }
      const shift = this.persons[d] ? 0 : 1;
      for (let k = a; k < b; k++) {
        const v = docTok[k]!;
        counts[(v >>> 1) + 1]!++;
        if (v & 1) nameCounts[v >>> 1]!++;
        tokenKinds[v >>> 1]! |= (v & 1 ? 1 : 4) << shift;
      }
    }
    for (let t = 0; t < T; t++) counts[t + 1]! += counts[t]!;
    // Per word: the mailboxes where it is a name first, then the others; each part in file order.
    const postOff = counts;
    const postMid = new Uint32Array(T);
    for (let t = 0; t < T; t++) postMid[t] = postOff[t]! + nameCounts[t]!;
    const fillName = postOff.slice(0, T);
    const fillOther = postMid.slice();
    const postings = new Uint32Array(this.fwdLen);
    for (let d = 0; d < n; d++) {
      for (let k = docOff[d]!; k < docOff[d + 1]!; k++) {
        const v = docTok[k]!;
        if (v & 1) postings[fillName[v >>> 1]!++] = (d << 1) | 1;
        else postings[fillOther[v >>> 1]!++] = d << 1;
      }
    }

    const rppsTable = Float64Array.from(this.rppsKeys).sort();
    const addrTable = new Float64Array(n);
    for (let d = 0; d < n; d++) addrTable[d] = (this.hashes[d]! & (HASH_SPACE - 1)) * HASH_SPACE + d;
    addrTable.sort();
    const D = this.domains.values.length;
    const domainOff = new Uint32Array(D + 1);
    for (const id of this.domainIds) domainOff[id + 1]!++;
    for (let i = 0; i < D; i++) domainOff[i + 1]! += domainOff[i]!;
    const dfill = domainOff.slice(0, D);
    const domainDocs = new Uint32Array(n);
    this.domainIds.forEach((id, d) => {
      domainDocs[dfill[id]!++] = d;
    });

    const records = this.records;
    this.built = true;
    this.slots = new Int32Array(0);
    this.hashes = [];

    return new DirectoryIndex({
      meta: {
        format: INDEX_FORMAT,
        entries: n,
        words: T,
        builtAt: meta.builtAt ?? new Date().toISOString(),
        ...(meta.source ? { source: meta.source } : {}),
        professions: this.professions.values,
        domains: this.domains.values,
        professionCodes: this.professions.codes,
        departments: this.departments.values,
        duplicates: this.duplicates,
      },
      records,
      tokens,
      arrays: {
        type: Uint8Array.from(this.types),
        profession: Uint16Array.from(this.profIds),
        department: Uint16Array.from(this.deptIds),
        tokenLen,
        tokenKinds,
        postOff,
        postMid,
        postings,
        addrTable,
        rppsTable,
        domainOff,
        domainDocs,
        docOff,
        docTok,
      },
    });
  }
}

interface Term {
  /** Pairs [lo, hi) of word ids. */
  ranges: number[];
  exact: number[];
  qlen: number;
  weight: number;
  size: number;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

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

export class DirectoryIndex {
  readonly size: number;
  private readonly meta: IndexParts['meta'];
  private readonly records: string[];
  private readonly tokens: string[];
  private readonly a: IndexParts['arrays'];
  // Scratch space reused by every query (the index is single-threaded).
  private readonly stamp: Uint32Array;
  private domainIds: Map<string, number> | null = null;
  private gen = 0;

  constructor(parts: { meta: IndexParts['meta']; records: string[]; tokens: string[]; arrays: IndexParts['arrays'] }) {
    this.meta = parts.meta;
    this.records = parts.records;
    this.tokens = parts.tokens;
    this.a = parts.arrays;
    this.size = parts.records.length;
    if (this.a.docOff.length !== this.size + 1 || this.a.postOff.length !== this.tokens.length + 1 || this.a.addrTable.length !== this.size || this.a.domainOff.length !== this.meta.domains.length + 1) {
      throw new Error('Index incohérent (fichiers mélangés ?). / Inconsistent index (mixed files?).');
    }
    this.stamp = new Uint32Array(this.size);
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
    const e: Record<string, string> = {};
    FIELDS.forEach((name, i) => {
      const v = f[i];
      if (v) e[name] = v;
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
    return tableLookup(this.a.rppsTable, rpps).filter((d) => this.records[d]!.split(SEP)[7] === rpps);
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

  private term(word: string, weight = 1): Term {
    const [lo, hi] = this.prefixRange(word);
    const exact = lo < hi && this.tokens[lo] === word ? [lo] : [];
    return { ranges: lo < hi ? [lo, hi] : [], exact, qlen: word.length, weight, size: this.a.postOff[hi]! - this.a.postOff[lo]! };
  }

  /** Words at one typo (insert, delete, substitute, swap) from `word`, as merged prefix ranges. */
  private fuzzyTerm(word: string): Term {
    const variants = new Set<string>();
    for (let i = 0; i < word.length; i++) {
      variants.add(word.slice(0, i) + word.slice(i + 1));
      if (i + 1 < word.length) variants.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
      for (const c of ALPHABET) if (c !== word[i]) variants.add(word.slice(0, i) + c + word.slice(i + 1));
    }
    // Insertions (not after the last letter: that only narrows a prefix that already matches nothing).
    for (let i = 0; i < word.length; i++) for (const c of ALPHABET) variants.add(word.slice(0, i) + c + word.slice(i));
    const ranges: [number, number][] = [];
    const exact: number[] = [];
    for (const v of variants) {
      // A variant shorter than 3 letters would match half the dictionary.
      if (v.length < 3) continue;
      const [lo, hi] = this.prefixRange(v);
      if (lo >= hi) continue;
      ranges.push([lo, hi]);
      if (this.tokens[lo] === v) exact.push(lo);
    }
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
    return { ranges: merged, exact, qlen: word.length, weight: 0.5, size };
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
      for (let r = 0; r < ranges.length; r += 2) {
        if (t >= ranges[r]! && t < ranges[r + 1]!) {
          const sc = this.scoreOf(term, t, v & 1);
          if (sc > best) best = sc;
          break;
        }
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
  private evaluate(terms: Term[], filter: ((doc: number) => boolean) | null, limit: number): { doc: number; score: number }[] {
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
          if (k & 1) steps.push({ t, name, person: true, s: sc, bound: sc + upperPer });
          if (k & 2) steps.push({ t, name, person: false, s: sc, bound: sc + upperOrg });
        }
      }
    }
    steps.sort((x, y) => y.s - x.s || y.name - x.name || x.t - y.t);
    const types = this.a.type;

    const top: { doc: number; score: number }[] = [];
    const full = (bound: number) => top.length === limit && top[limit - 1]!.score >= bound;
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

  /** Search: every word of the query must prefix a word of the mailbox (names, profession, place, address…). */
  search(query: string, opts: SearchOptions = {}): SearchResult[] {
    const limit = Math.max(1, Math.min(500, Math.floor(opts.limit ?? 20)));
    const filter = this.filterFn(opts);
    const q = query.trim();

    if (q.includes('@') && !/\s/.test(q)) {
      const doc = this.findAddress(q);
      if (doc >= 0 && (!filter || filter(doc))) return [{ entry: this.entryAt(doc), score: 100, match: 'address' }];
    }

    let ws = words(q).map((w) => (/^8\d{11}$/.test(w) ? w.slice(1) : withoutNumber(w)));
    const meaningful = ws.filter((w) => !STOP_WORDS.has(w));
    if (meaningful.length) ws = meaningful;
    ws = [...new Set(ws)];
    // A word that prefixes another word of the query adds nothing ("lef lefevre").
    ws = ws.filter((w) => !ws.some((o) => o !== w && o.startsWith(w)));
    if (ws.length > 12) ws = ws.slice(0, 12);

    if (!ws.length) {
      if (!filter) return [];
      const out: SearchResult[] = [];
      for (let d = 0; d < this.size && out.length < limit; d++) if (filter(d)) out.push({ entry: this.entryAt(d), score: 0, match: 'words' });
      return out;
    }

    if (ws.length === 1 && /^\d{11}$/.test(ws[0]!)) {
      const docs = this.rppsDocs(ws[0]!).filter((d) => !filter || filter(d));
      if (docs.length) return docs.slice(0, limit).map((d) => ({ entry: this.entryAt(d), score: 100, match: 'rpps' as const }));
    }
    const terms = ws.map((w) => this.term(w));
    let hits = this.evaluate(terms, filter, limit);
    let match: MatchKind = 'words';

    if (!hits.length) {
      // One typo: try each word at edit distance one, the others as typed; keep the best. A word that matches
      // nothing must be the mistyped one; when two words match nothing, one typo cannot explain the query.
      const merged = new Map<number, number>();
      const unmatched = terms.map((t, i) => (t.ranges.length ? -1 : i)).filter((i) => i >= 0);
      ws.forEach((w, i) => {
        if (unmatched.length > 1 || (unmatched.length === 1 && unmatched[0] !== i)) return;
        if (w.length < 4 || /^\d+$/.test(w)) return;
        const fuzzy = this.fuzzyTerm(w);
        if (!fuzzy.ranges.length) return;
        const alt = terms.map((t, j) => (j === i ? fuzzy : t));
        for (const h of this.evaluate(alt, filter, limit)) merged.set(h.doc, Math.max(merged.get(h.doc) ?? 0, h.score));
      });
      hits = [...merged].map(([doc, score]) => ({ doc, score })).sort((x, y) => y.score - x.score || x.doc - y.doc).slice(0, limit);
      match = 'fuzzy';
    }
    return hits.map((h) => ({ entry: this.entryAt(h.doc), score: Math.round(h.score * 100) / 100, match }));
  }
}

/** Builds an index from rows already in memory (tests, the demo directory). */
export function buildIndex(rows: Iterable<ExtractionRow>, meta: { source?: string; builtAt?: string } = {}): DirectoryIndex {
  const b = new DirectoryIndexBuilder();
  for (const r of rows) b.add(r);
  return b.build(meta);
}
