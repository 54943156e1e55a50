// The vocabulary lists (JSON data) compiled once into a word dictionary and a phrase index.
import clinical from './vocabulary/clinical.json';
import person from './vocabulary/person.json';
import identifiers from './vocabulary/identifiers.json';
import units from './vocabulary/units.json';
import attachments from './vocabulary/attachments.json';
import type { LocalizedText } from '../model';
import { termWords } from './fold';

export interface VocabularyCategory {
  weight: number;
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
  private nextId = 0;
  /** Phrase indexes by first word id, longest first. */
  readonly byFirst = new Map<number, number[]>();
  private readonly categoryByName = new Map<string, Category>();

  constructor(files: Record<string, VocabularyFile>) {
    for (const [file, vocab] of Object.entries(files)) {
      for (const [name, cat] of Object.entries(vocab.categories)) {
        if (this.categoryByName.has(name)) throw new Error(`vocabulary category "${name}" is defined twice`);
        const category: Category = { index: this.categories.length, name, file, weight: cat.weight, label: cat.label };
        this.categories.push(category);
        this.categoryByName.set(name, category);
        for (const term of cat.terms) {
          const ws = termWords(term);
          if (!ws.length) throw new Error(`vocabulary term "${term}" (${name}) has no word`);
          this.phrases.push({ words: ws.map((w) => this.intern(w)), category: category.index, term });
        }
      }
    }
    this.phrases.forEach((p, i) => {
      const list = this.byFirst.get(p.words[0]!) ?? [];
      list.push(i);
      this.byFirst.set(p.words[0]!, list);
    });
    for (const list of this.byFirst.values()) list.sort((a, b) => this.phrases[b]!.words.length - this.phrases[a]!.words.length);
    this.suffixLengths.sort((a, b) => b - a);
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
      return id;
    }
    if (star === 0 && word.length - 1 >= MIN_AFFIX && word.indexOf('*', 1) < 0) {
      const suffix = word.slice(1);
      let id = this.suffixes.get(suffix);
      if (id === undefined) {
        this.suffixes.set(suffix, (id = this.nextId++));
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
    const list = this.prefixes.get(word.slice(0, MIN_AFFIX));
    if (list) for (const p of list) if (word.startsWith(p.prefix)) return p.id;
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

  /** Category indexes of a file. */
  categoriesOf(file: string): number[] {
    return this.categories.filter((c) => c.file === file).map((c) => c.index);
  }
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
