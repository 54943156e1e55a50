// The vocabulary lists (JSON data) compiled once into a word dictionary and a phrase index.
import clinical from './vocabulary/clinical.json';
import person from './vocabulary/person.json';
import identifiers from './vocabulary/identifiers.json';
import units from './vocabulary/units.json';
import attachments from './vocabulary/attachments.json';
import type { LocalizedText } from '../model';
import { foldTable, termWords } from './fold';

export interface VocabularyCategory {
  weight: number;
  /** false: words read around other matches, kept as tokens but never matched themselves. */
  match?: boolean;
  label: LocalizedText;
  terms: string[];
}

export interface VocabularyFile {
  description: string;
  categories: Record<string, VocabularyCategory>;
}

/** Every vocabulary file, by name. Category names are unique across files. */
export const vocabularies: Record<string, VocabularyFile> = { clinical, person, identifiers, units, attachments };

/** The files read in message text, and the one read in attachment names. */
export const textVocabularies: Record<string, VocabularyFile> = { clinical, person, identifiers, units };
export const attachmentVocabularies: Record<string, VocabularyFile> = { attachments };

export interface Category {
  index: number;
  name: string;
  file: string;
  weight: number;
  label: LocalizedText;
}

export interface Phrase {
  /** Word ids, in order. */
  words: number[];
  category: number;
  term: string;
}

const MIN_AFFIX = 3;
const AFFIX_BITS = 1 << 16;
const AFFIX_MASK = AFFIX_BITS - 1;

/** Index of (first folded unit, second folded unit or 0, length) in a 2^16 table. */
export function shapeKey(first: number, second: number, length: number): number {
  return ((first & 0x3f) << 10) | ((second & 0x3f) << 4) | (length > 15 ? 15 : length);
}

/** One step of the word hash, over folded units: h = h * 31 + unit (32-bit). */
export function hashStep(h: number, unit: number): number {
  return (Math.imul(h, 31) + unit) | 0;
}

function hashWord(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

/** A number for the MIN_AFFIX characters of s at offset (collisions only cost a map lookup). */
function affixHash(s: string, offset: number): number {
  return (s.charCodeAt(offset) * 31 + s.charCodeAt(offset + 1)) * 31 + s.charCodeAt(offset + 2);
}

export class Lexicon {
  readonly categories: Category[] = [];
  readonly phrases: Phrase[] = [];
  /** Exact words → id. */
  private readonly words = new Map<string, number>();
  /** Prefix words (`diabet*`), indexed by their first MIN_AFFIX characters. */
  private readonly prefixes = new Map<string, { prefix: string; id: number }[]>();
  /** Suffix words (`*olol`) → id, and the suffix lengths in use. */
  private readonly suffixes = new Map<string, number>();
  private readonly suffixLengths: number[] = [];
  /** Cheap pre-filters: a hash of the first / last MIN_AFFIX characters of every prefix / suffix entry. */
  private readonly prefixHeads = new Uint8Array(AFFIX_BITS);
  private readonly suffixTails = new Uint8Array(AFFIX_BITS);
  private nextId = 0;
  /** Exact words by id, and an open-addressing hash table over them (id + 1, 0 = empty) for allocation-free lookups. */
  private readonly wordList: string[] = [];
  private table = new Int32Array(0);
  private mask = 0;
  /** Phrase indexes by first word id, longest first (indexed by word id). */
  readonly byFirst: (number[] | undefined)[] = [];
  /** Bit per (hash & 0xffff) of every exact word. */
  readonly maybeWord = new Uint8Array(1 << 16);
  /**
   * Bit per (first two folded units, length) of every exact word, see shapeKey: most words of a text are rejected
   * before they are hashed.
   */
  readonly maybeShape = new Uint8Array(1 << 16);
  private readonly categoryByName = new Map<string, Category>();
  /** Ids of the single-word terms of each category. */
  private readonly wordIds = new Map<string, Set<number>>();

  /** Ids of a category's single-word terms (to test a token's id directly). */
  idsOf(name: string): ReadonlySet<number> {
    const ids = this.wordIds.get(name);
    if (!ids) throw new Error(`unknown vocabulary category "${name}"`);
    return ids;
  }

  constructor(files: Record<string, VocabularyFile>) {
    for (const [file, vocab] of Object.entries(files)) {
      for (const [name, cat] of Object.entries(vocab.categories)) {
        if (this.categoryByName.has(name)) throw new Error(`vocabulary category "${name}" is defined twice`);
        const category: Category = { index: this.categories.length, name, file, weight: cat.weight, label: cat.label };
        this.categories.push(category);
        this.categoryByName.set(name, category);
        const ids = new Set<number>();
        this.wordIds.set(name, ids);
        for (const term of cat.terms) {
          const ws = termWords(term);
          if (!ws.length) throw new Error(`vocabulary term "${term}" (${name}) has no word`);
          const words = ws.map((w) => this.intern(w));
          if (words.length === 1) ids.add(words[0]!);
          if (cat.match !== false) this.phrases.push({ words, category: category.index, term });
        }
      }
    }
    this.phrases.forEach((p, i) => (this.byFirst[p.words[0]!] ??= []).push(i));
    for (const list of this.byFirst) list?.sort((a, b) => this.phrases[b]!.words.length - this.phrases[a]!.words.length);
    this.suffixLengths.sort((a, b) => b - a);
    let size = 16;
    while (size < this.words.size * 4) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (const [word, id] of this.words) {
      let slot = hashWord(word) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id + 1;
      this.wordList[id] = word;
      this.maybeWord[hashWord(word) & 0xffff] = 1;
      this.maybeShape[shapeKey(word.charCodeAt(0), word.length > 1 ? word.charCodeAt(1) : 0, word.length)] = 1;
    }
  }

  /**
   * Id of the word text[start, end) once folded, given the hash of its folded units (see hashStep), or -1.
   * Reads the text in place: no substring is made.
   */
  exactRange(text: string, start: number, end: number, hash: number): number {
    const len = end - start;
    let slot = hash & this.mask;
    for (let entry = this.table[slot]!; entry !== 0; entry = this.table[slot]!) {
      const word = this.wordList[entry - 1]!;
      if (word.length === len) {
        let k = 0;
        while (k < len) {
          const c = text.charCodeAt(start + k);
          if ((foldTable[c] || c) !== word.charCodeAt(k)) break;
          k++;
        }
        if (k === len) return entry - 1;
      }
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /** True when a prefix or suffix entry may match the folded word text[start, end) (checks its first / last units only). */
  mayHaveAffix(text: string, start: number, end: number): boolean {
    if (end - start <= MIN_AFFIX) return false;
    let a = text.charCodeAt(start);
    let b = text.charCodeAt(start + 1);
    let c = text.charCodeAt(start + 2);
    if (this.prefixHeads[(((foldTable[a] || a) * 31 + (foldTable[b] || b)) * 31 + (foldTable[c] || c)) & AFFIX_MASK]) return true;
    a = text.charCodeAt(end - 3);
    b = text.charCodeAt(end - 2);
    c = text.charCodeAt(end - 1);
    return this.suffixTails[(((foldTable[a] || a) * 31 + (foldTable[b] || b)) * 31 + (foldTable[c] || c)) & AFFIX_MASK] === 1;
  }

  private intern(word: string): number {
    const star = word.indexOf('*');
    if (star < 0) {
      let id = this.words.get(word);
      if (id === undefined) this.words.set(word, (id = this.nextId++));
      return id;
    }
    if (star === word.length - 1 && word.length - 1 >= MIN_AFFIX) {
      const prefix = word.slice(0, -1);
      const key = prefix.slice(0, MIN_AFFIX);
      const list = this.prefixes.get(key) ?? [];
      const found = list.find((p) => p.prefix === prefix);
      if (found) return found.id;
      const id = this.nextId++;
      list.push({ prefix, id });
      list.sort((a, b) => b.prefix.length - a.prefix.length);
      this.prefixes.set(key, list);
      this.prefixHeads[affixHash(prefix, 0) & AFFIX_MASK] = 1;
      return id;
    }
    if (star === 0 && word.length - 1 >= MIN_AFFIX && word.indexOf('*', 1) < 0) {
      const suffix = word.slice(1);
      let id = this.suffixes.get(suffix);
      if (id === undefined) {
        this.suffixes.set(suffix, (id = this.nextId++));
        this.suffixTails[affixHash(suffix, suffix.length - MIN_AFFIX) & AFFIX_MASK] = 1;
        if (!this.suffixLengths.includes(suffix.length)) this.suffixLengths.push(suffix.length);
      }
      return id;
    }
    throw new Error(`vocabulary word "${word}": a wildcard goes at the start or the end, after at least ${MIN_AFFIX} letters`);
  }

  /** Id of a folded word, or -1. */
  exact(word: string): number {
    return this.words.get(word) ?? -1;
  }

  /** Id of the longest prefix or suffix entry matching a folded word (the word itself must be longer than the affix), or -1. */
  wildcard(word: string): number {
    if (word.length <= MIN_AFFIX) return -1;
    if (this.prefixHeads[affixHash(word, 0) & AFFIX_MASK]) {
      const list = this.prefixes.get(word.slice(0, MIN_AFFIX));
      if (list) for (const p of list) if (word.startsWith(p.prefix)) return p.id;
    }
    if (!this.suffixTails[affixHash(word, word.length - MIN_AFFIX) & AFFIX_MASK]) return -1;
    for (const len of this.suffixLengths) {
      if (word.length > len + 2) {
        const id = this.suffixes.get(word.slice(word.length - len));
        if (id !== undefined) return id;
      }
    }
    return -1;
  }

  category(name: string): Category {
    const c = this.categoryByName.get(name);
    if (!c) throw new Error(`unknown vocabulary category "${name}"`);
    return c;
  }

  private readonly byFile = new Map<string, number[]>();
  /** Category indexes of a file. */
  categoriesOf(file: string): number[] {
    let list = this.byFile.get(file);
    if (!list) this.byFile.set(file, (list = this.categories.filter((c) => c.file === file).map((c) => c.index)));
    return list;
  }
}

/** A value computed once per lexicon (the categories a detector reads, looked up by name once). */
export function perLexicon<T>(make: (lex: Lexicon) => T): (lex: Lexicon) => T {
  const cache = new WeakMap<Lexicon, T>();
  return (lex) => {
    let v = cache.get(lex);
    if (v === undefined) cache.set(lex, (v = make(lex)));
    return v;
  };
}

let forText: Lexicon | undefined;
let forAttachments: Lexicon | undefined;
/** The lexicon of message text (clinical, person, identifiers, units), built on first use. */
export function lexicon(): Lexicon {
  return (forText ??= new Lexicon(textVocabularies));
}
/** The lexicon of attachment names, built on first use. */
export function attachmentLexicon(): Lexicon {
  return (forAttachments ??= new Lexicon(attachmentVocabularies));
}
