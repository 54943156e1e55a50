// The vocabulary lists (JSON data) compiled once into a word dictionary and a phrase index.
// Named imports: the bundles carry the categories, not the files' descriptions.
import { categories as clinical } from './vocabulary/clinical.json';
import { categories as person } from './vocabulary/person.json';
import { categories as identifiers } from './vocabulary/identifiers.json';
import { categories as units } from './vocabulary/units.json';
import { categories as attachments } from './vocabulary/attachments.json';
import type { LocalizedText } from '../model';
import { charClass, foldTable, termWords } from './fold';

export interface VocabularyCategory {
  weight: number;
  /** false: words read around other matches, kept as tokens but never matched themselves. */
  match?: boolean;
  label: LocalizedText;
  terms: string[];
}

export interface VocabularyFile {
  /** In the JSON files (see vocabulary.schema.json); not carried at run time. */
  description?: string;
  categories: Record<string, VocabularyCategory>;
}

/** Every vocabulary file, by name. Category names are unique across files. */
export const vocabularies: Record<string, VocabularyFile> = {
  clinical: { categories: clinical },
  person: { categories: person },
  identifiers: { categories: identifiers },
  units: { categories: units },
  attachments: { categories: attachments },
};

/** The files read in message text, and the one read in attachment names. */
export const textVocabularies: Record<string, VocabularyFile> = {
  clinical: vocabularies.clinical!,
  person: vocabularies.person!,
  identifiers: vocabularies.identifiers!,
  units: vocabularies.units!,
};
export const attachmentVocabularies: Record<string, VocabularyFile> = { attachments: vocabularies.attachments! };

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
const MIN_PLURAL_STEM = 5;
const AFFIX_BITS = 1 << 16;
const AFFIX_MASK = AFFIX_BITS - 1;

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
  /** Phrase indexes by first word id, longest first (indexed by word id). */
  readonly byFirst: (number[] | undefined)[] = [];
  /** By phrase: its number of words, its category. */
  phraseLength = new Int32Array(0);
  phraseCategory = new Int32Array(0);
  /** By phrase: its second word's id (-1: a one-word phrase), checked before the rest of the phrase is read. */
  phraseSecond = new Int32Array(0);
  /** By word id: the most words of a phrase it starts (0: it starts none), and its one-word phrase (-1: none). */
  longestFrom = new Int32Array(0);
  singleFrom = new Int32Array(0);
  /**
   * The exact words as an automaton read one UTF-16 unit at a time: `step[state * width + unitClass[unit]]` is the
   * next state, state 0 is dead (no word continues this way), 1 the start; `wordAt[state]` is the id of the word
   * ending there, or -1. A word is recognised as it is read: no hashing, no second read to confirm it.
   */
  readonly unitClass = new Uint8Array(0x10000);
  step = new Uint16Array(0);
  wordAt = new Int32Array(0);
  width = 0;
  private readonly separatorClass = new Map<number, number>();
  private readonly categoryByName = new Map<string, Category>();
  /** Ids of the single-word terms of each category. */
  private readonly wordIds = new Map<string, Set<number>>();

  /** Ids of a category's single-word terms (to test a token's id directly). */
  idsOf(name: string): ReadonlySet<number> {
    return this.wordIds.get(this.category(name).name)!;
  }

  constructor(files: Record<string, VocabularyFile>) {
    for (const [file, vocab] of Object.entries(files)) {
      for (const [name, cat] of Object.entries(vocab.categories)) {
        // A category of an extension file ("clinical-en", "medication-names") adds terms to the one of that name.
        let category = this.categoryByName.get(name);
        if (category && category.weight !== cat.weight) throw new Error(`vocabulary category "${name}": two weights`);
        if (!category) {
          category = { index: this.categories.length, name, file, weight: cat.weight, label: cat.label };
          this.categories.push(category);
          this.categoryByName.set(name, category);
          this.wordIds.set(name, new Set<number>());
        }
        const ids = this.wordIds.get(name)!;
        for (const term of cat.terms) {
          const ws = termWords(term);
          if (!ws.length) throw new Error(`vocabulary term "${term}" (${name}) has no word`);
          const words = ws.map((w) => this.intern(w));
          if (words.length === 1) ids.add(words[0]!);
          if (cat.match !== false) this.phrases.push({ words, category: category.index, term });
        }
      }
    }
    this.addPlurals();
    this.phrases.forEach((p, i) => (this.byFirst[p.words[0]!] ??= []).push(i));
    for (const list of this.byFirst) list?.sort((a, b) => this.phrases[b]!.words.length - this.phrases[a]!.words.length);
    this.phraseLength = Int32Array.from(this.phrases, (p) => p.words.length);
    this.phraseCategory = Int32Array.from(this.phrases, (p) => p.category);
    this.phraseSecond = Int32Array.from(this.phrases, (p) => (p.words.length > 1 ? p.words[1]! : -1));
    this.longestFrom = new Int32Array(this.nextId);
    this.singleFrom = new Int32Array(this.nextId).fill(-1);
    this.byFirst.forEach((list, word) => {
      if (!list) return;
      this.longestFrom[word] = this.phrases[list[0]!]!.words.length;
      const single = list.find((p) => this.phrases[p]!.words.length === 1);
      if (single !== undefined) this.singleFrom[word] = single;
    });
    this.suffixLengths.sort((a, b) => b - a);
    this.buildAutomaton();
  }

  /**
   * "hypoglycémies", "métastases": the plural of each one-word clinical term of at least MIN_PLURAL_STEM letters is
   * matched too, unless the vocabulary has that word already (added after every list is read, so none is shadowed).
   */
  private addPlurals(): void {
    const count = this.phrases.length;
    for (let i = 0; i < count; i++) {
      const p = this.phrases[i]!;
      if (p.words.length !== 1 || this.categories[p.category]!.file !== 'clinical') continue;
      const word = termWords(p.term)[0]!;
      if (word.length < MIN_PLURAL_STEM || word.includes('*') || /[sxz]$/.test(word) || this.words.has(`${word}s`)) continue;
      this.phrases.push({ words: [this.intern(`${word}s`)], category: p.category, term: `${p.term}s` });
    }
  }

  private buildAutomaton(): void {
    // Classes: 0 ends a word, 1 is a word unit no vocabulary word has, then one class per unit used.
    const classOf = new Map<number, number>();
    for (const word of this.words.keys())
      for (let i = 0; i < word.length; i++) if (!classOf.has(word.charCodeAt(i))) classOf.set(word.charCodeAt(i), classOf.size + 2);
    const width = classOf.size + 2;
    for (let c = 0; c < 0x10000; c++) if (charClass[c] !== 0) this.unitClass[c] = classOf.get(foldTable[c]!) ?? 1;
    // A decimal separator inside a number of the vocabulary ("1,73 m²"): read by exactRange, never part of a word.
    for (const [unit, k] of classOf) if (charClass[unit] === 0) this.separatorClass.set(unit, k);
    const rows: number[][] = [new Array<number>(width).fill(0), new Array<number>(width).fill(0)];
    const wordAt = [-1, -1];
    for (const [word, id] of this.words) {
      let state = 1;
      for (let i = 0; i < word.length; i++) {
        const k = classOf.get(word.charCodeAt(i))!;
        let next = rows[state]![k]!;
        if (next === 0) {
          next = rows.length;
          if (next > 0xffff) throw new Error('vocabulary too large');
          rows.push(new Array<number>(width).fill(0));
          wordAt.push(-1);
          rows[state]![k] = next;
        }
        state = next;
      }
      wordAt[state] = id;
    }
    this.width = width;
    this.step = new Uint16Array(rows.length * width);
    rows.forEach((row, state) => this.step.set(row, state * width));
    this.wordAt = Int32Array.from(wordAt);
  }

  /** Id of the word text[start, end) once folded, or -1 (reads the text in place: no substring is made). */
  exactRange(text: string, start: number, end: number): number {
    const { step, width, unitClass } = this;
    let state = 1;
    for (let i = start; i < end && state !== 0; i++) {
      const c = text.charCodeAt(i);
      state = step[state * width + (unitClass[c] || (this.separatorClass.get(c) ?? 0))]!;
    }
    return this.wordAt[state]!;
  }

  /** Shortest word a prefix / suffix entry can match (Infinity: no such entry): shorter words skip the affix check. */
  minPrefixWord = Infinity;
  minSuffixWord = Infinity;

  /** True when a prefix or suffix entry may match the folded word text[start, end) (checks its first / last units only). */
  mayHaveAffix(text: string, start: number, end: number): boolean {
    const length = end - start;
    let a: number;
    let b: number;
    let c: number;
    if (length >= this.minPrefixWord) {
      a = text.charCodeAt(start);
      b = text.charCodeAt(start + 1);
      c = text.charCodeAt(start + 2);
      if (this.prefixHeads[(((foldTable[a] || a) * 31 + (foldTable[b] || b)) * 31 + (foldTable[c] || c)) & AFFIX_MASK]) return true;
    }
    if (length < this.minSuffixWord) return false;
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
      this.minPrefixWord = Math.min(this.minPrefixWord, Math.max(prefix.length, MIN_AFFIX + 1));
      return id;
    }
    if (star === 0 && word.length - 1 >= MIN_AFFIX && word.indexOf('*', 1) < 0) {
      const suffix = word.slice(1);
      let id = this.suffixes.get(suffix);
      if (id === undefined) {
        this.suffixes.set(suffix, (id = this.nextId++));
        this.suffixTails[affixHash(suffix, suffix.length - MIN_AFFIX) & AFFIX_MASK] = 1;
        if (!this.suffixLengths.includes(suffix.length)) this.suffixLengths.push(suffix.length);
        this.minSuffixWord = Math.min(this.minSuffixWord, suffix.length + 3);
      }
      return id;
    }
    throw new Error(`vocabulary word "${word}": misplaced wildcard`);
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
  /** Category indexes of a file (extension files add terms to these categories). */
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
let extended: Record<string, VocabularyFile> = {};

/**
 * Sets the generated lists (vocabulary/extended/, from public terminologies) read in message text besides the
 * hand-written ones. The entry point of the library sets them (index.ts); a host with a tight size budget imports
 * compact.ts, which does not.
 */
export function useExtendedVocabulary(files: Record<string, VocabularyFile>): void {
  extended = files;
  forText = undefined;
}

/** The vocabulary files read in message text: the hand-written ones and the extended ones in use. */
export function textVocabulariesInUse(): Record<string, VocabularyFile> {
  return { ...textVocabularies, ...extended };
}

/** The lexicon of message text (clinical, person, identifiers, units, and the extended lists), built on first use. */
export function lexicon(): Lexicon {
  return (forText ??= new Lexicon(textVocabulariesInUse()));
}
/** The lexicon of attachment names, built on first use. */
export function attachmentLexicon(): Lexicon {
  return (forAttachments ??= new Lexicon(attachmentVocabularies));
}
