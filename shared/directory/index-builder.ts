// Builds the directory index from extraction rows: a sorted dictionary of folded words (so a prefix is a
// contiguous range of word ids), postings as one typed array in dictionary order (so a prefix's postings are one
// slice), and a forward list of word ids per mailbox (so a rare word can drive and the others are checked per
// mailbox). A repeated address is merged into its first line: every line's places and words are kept.
import { exerciseCivility } from './entry';
import type { ExtractionRow } from './extraction';
import { DirectoryIndex } from './index-search';
import { HASH_SPACE, INDEX_FORMAT, PLACE_FIELD_SEP, PLACE_SEP, SEP, TYPES, hash32, tableKey, withoutNumber } from './index-format';
import { STOP_WORDS, addressKey, nameWords, words } from './normalize';
import { placeWords } from './place';
import { formsOf, serviceForms } from './vocabulary';

const UNSAFE_ALL = /[\x1d\x1e\x1f\n]/g;
/** Domain labels present in nearly every address: not worth a word. */
const DOMAIN_NOISE = new Set(['mssante', 'fr', 'org', 'com', 'net']);
const domainWords = (domain: string): string[] => words(domain).filter((w) => !DOMAIN_NOISE.has(w));
const NAME = 1;
const OTHER = 0;

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

interface Keyed {
  ids: number[];
  id: number;
}

/** A row's place: organisation, service, postcode, city. */
const placeOf = (row: ExtractionRow): string[] => [row.organisation || row.tradeName, row.service, row.postcode, row.city];
const clean = (v: string): string => (v && /[\x1d-\x1f\n]/.test(v) ? v.replace(UNSAFE_ALL, ' ') : v);

/**
 * Collects rows, then builds the index in one pass (once). A repeated address is merged into its first row: empty
 * fields are filled from the later rows, their other places are kept beside it, and all their words find it.
 */
export class DirectoryIndexBuilder {
  private readonly records: string[] = [];
  /** Open-addressing set of the addresses already added: slot → mailbox + 1 (0 = empty). */
  private slots = new Int32Array(1 << 16);
  private hashes: number[] = [];
  private readonly tokenIds = new Map<string, number>();
  private readonly cName = new Map<string, number[]>();
  private readonly cOrgName = new Map<string, number[]>();
  private readonly cOrgOther = new Map<string, number[]>();
  private readonly cCoded = new Map<string, number[]>();
  private readonly cServiceForms = new Map<string, number[]>();
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
  /** Words of the later rows of repeated addresses, per mailbox. */
  private readonly extras = new Map<number, number[]>();

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

  /** Words of a profession or specialty label, with the forms people type for its code (vocabulary table). */
  private coded(label: string, code: string): number[] {
    if (!label && !code) return [];
    const key = code + SEP + label;
    let ids = this.cCoded.get(key);
    if (!ids) {
      ids = [];
      for (const w of words(label)) if (!STOP_WORDS.has(w)) ids.push(this.tok(w) * 2);
      for (const w of formsOf(code, label)) ids.push(this.tok(w) * 2);
      this.cCoded.set(key, ids);
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
        this.merge(d - 1, row);
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
    const cells = [
      address,
      row.type,
      exerciseCivility(row.civility),
      row.familyName,
      row.givenName,
      row.profession,
      row.specialty,
      row.rpps,
      organisation,
      row.service,
      row.postcode,
      row.city,
      row.department,
      '',
    ];
    for (let i = 1; i < cells.length; i++) cells[i] = clean(cells[i]!);
    this.records.push(cells.join(SEP));
    const t = TYPES.indexOf(row.type);
    this.types.push(t < 0 ? 255 : t);
    // Profession, department and domain: one cached lookup gives both their words and their number.
    let prof = this.cProfession.get(row.professionCode + SEP + row.profession);
    if (!prof) {
      prof = { ids: this.coded(row.profession, row.professionCode), id: this.professions.id(row.profession, row.professionCode) };
      this.cProfession.set(row.professionCode + SEP + row.profession, prof);
    }
    let dept = this.cDepartment.get(row.department);
    if (!dept) {
      dept = { ids: this.field(this.cCode, row.department, OTHER, words, false), id: this.departments.id(row.department) };
      this.cDepartment.set(row.department, dept);
    }
    this.profIds.push(prof.id);
    this.deptIds.push(dept.id);

    this.persons.push(row.type === 'PER' || row.type === 'CAB' ? 1 : 0);
    const s = this.scratch;
    s.length = 0;
    this.rowWords(row, address, prof.ids, dept.ids, s);
    // RPPS numbers are unique: kept in an exact-lookup table, not in the word dictionary.
    if (row.rpps) this.rppsKeys.push(tableKey(row.rpps, doc));
    const domain = address.slice(address.lastIndexOf('@') + 1);
    let dom = this.cDomainKeyed.get(domain);
    if (!dom) {
      dom = { ids: this.field(this.cDomain, domain, OTHER, domainWords, false), id: this.domains.id(domain) };
      this.cDomainKeyed.set(domain, dom);
    }
    for (const id of dom.ids) s.push(id);
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

  /** The word ids of a row (names, organisation, service, profession, specialty, place, local part) into `s`. */
  private rowWords(row: ExtractionRow, address: string, profIds: number[], deptIds: number[], s: number[]): void {
    const push = (ids: number[]) => {
      for (const id of ids) s.push(id);
    };
    const person = !!(row.familyName || row.givenName);
    const orgFlag = person ? OTHER : NAME;
    const orgCache = person ? this.cOrgOther : this.cOrgName;
    const organisation = row.organisation || row.tradeName;
    push(this.field(this.cName, row.familyName, NAME, nameWords, false));
    push(this.field(this.cName, row.givenName, NAME, nameWords, false));
    push(this.field(orgCache, organisation, orgFlag, words, true));
    if (row.tradeName && row.tradeName !== organisation) push(this.field(orgCache, row.tradeName, orgFlag, words, true));
    push(this.field(orgCache, row.service, orgFlag, words, true));
    push(this.field(this.cServiceForms, row.service, OTHER, serviceForms, false));
    push(profIds);
    push(this.coded(row.specialty, row.specialtyCode));
    push(this.field(this.cPlace, row.city, OTHER, placeWords, true));
    push(this.field(this.cCode, row.postcode, OTHER, words, false));
    push(deptIds);
    // Local-part words without their disambiguating number ("martin12" → "martin"): the number says nothing a
    // user would type, and exact addresses are found through the address table.
    for (const w of words(address.slice(0, address.lastIndexOf('@')))) s.push(this.tok(withoutNumber(w)) * 2);
  }

  /** A later row of an address already added: fills the empty fields, keeps its other place, adds its words. */
  private merge(doc: number, row: ExtractionRow): void {
    this.duplicates++;
    const f = this.records[doc]!.split(SEP);
    if (!f[7] && row.rpps) this.rppsKeys.push(tableKey(row.rpps, doc));
    const fill = (i: number, v: string) => {
      if (!f[i] && v) f[i] = clean(v);
    };
    [row.type, exerciseCivility(row.civility), row.familyName, row.givenName, row.profession, row.specialty, row.rpps].forEach((v, k) => fill(k + 1, v));
    const mine = f.slice(8, 12).join(PLACE_FIELD_SEP);
    const theirs = placeOf(row).map(clean).join(PLACE_FIELD_SEP);
    if (!f.slice(8, 12).some(Boolean)) {
      placeOf(row).forEach((v, k) => (f[8 + k] = clean(v)));
      fill(12, row.department);
    } else if (theirs !== mine && theirs.replace(/\x1d/g, '') && !(f[13] ?? '').split(PLACE_SEP).includes(theirs)) {
      f[13] = f[13] ? f[13] + PLACE_SEP + theirs : theirs;
    }
    this.records[doc] = f.join(SEP);
    const prof = this.coded(row.profession, row.professionCode);
    const dept = this.field(this.cCode, row.department, OTHER, words, false);
    const ids = this.extras.get(doc) ?? [];
    this.rowWords(row, this.records[doc]!.slice(0, this.records[doc]!.indexOf(SEP)), prof, dept, ids);
    this.extras.set(doc, ids);
  }

  /** The forward lists with the words of merged rows added (each word once per mailbox, name flag kept). */
  private withExtras(): { docOff: Uint32Array; docTok: Uint32Array } {
    if (!this.extras.size) return { docOff: Uint32Array.from(this.docOff), docTok: this.forward.slice(0, this.fwdLen) };
    let extra = 0;
    for (const ids of this.extras.values()) extra += ids.length;
    const docOff = new Uint32Array(this.docOff.length);
    const docTok = new Uint32Array(this.fwdLen + extra);
    let len = 0;
    for (let d = 0; d + 1 < this.docOff.length; d++) {
      const own = Array.from(this.forward.subarray(this.docOff[d]!, this.docOff[d + 1]!));
      const all = this.extras.has(d) ? [...own, ...this.extras.get(d)!].sort((x, y) => x - y) : own;
      let last = -1;
      for (const v of all) {
        if (v >>> 1 === last) docTok[len - 1]! |= v & 1;
        else {
          docTok[len++] = v;
          last = v >>> 1;
        }
      }
      docOff[d + 1] = len;
    }
    return { docOff, docTok: docTok.slice(0, len) };
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

    const { docOff, docTok } = this.withExtras();
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
    const postings = new Uint32Array(docTok.length);
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
    this.extras.clear();

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

/** Builds an index from rows already in memory (tests, the demo directory). */
export function buildIndex(rows: Iterable<ExtractionRow>, meta: { source?: string; builtAt?: string } = {}): DirectoryIndex {
  const b = new DirectoryIndexBuilder();
  for (const r of rows) b.add(r);
  return b.build(meta);
}
