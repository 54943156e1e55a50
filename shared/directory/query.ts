// What a query asks for, before it meets the index: the words to match (civilities dropped, "St" read as "Saint",
// CEDEX ignored, small words dropped, a word prefixing another dropped) and whether people should come before
// service mailboxes (a profession or specialty is named, no service is).
import { STOP_WORDS, words } from './normalize';
import { lowerBound, withoutNumber } from './index-format';
import { PLACE_ABBREVIATIONS, PLACE_NOISE, CIVILITY_WORDS, SERVICE_KIND_WORDS, SERVICE_WORDS, VOCABULARY_WORDS } from './vocabulary';

export interface QueryWord {
  /** Matched as a prefix of a word of the mailbox (as a whole word only when `exact`). */
  word: string;
  exact?: boolean;
  /** Also matched as whole words ("saint" for "st"). */
  alternatives: string[];
}

export interface QueryPlan {
  words: QueryWord[];
  /** A profession or specialty is named and no service is: people come before service mailboxes. */
  preferPeople: boolean;
  /** Added to a person's score so that it outranks any service mailbox (a word scores at most 4 more as a name). */
  personBonus: number;
}

const MAX_WORDS = 12;
const VOCABULARY = [...VOCABULARY_WORDS].sort();

/** Whether a word names a profession or specialty, or begins one ("cardio", "generali"; 4 letters at least). */
export function namesVocabulary(word: string): boolean {
  if (VOCABULARY_WORDS.has(word)) return true;
  if (word.length < 4) return false;
  const lo = lowerBound(VOCABULARY, word);
  return lo < VOCABULARY.length && VOCABULARY[lo]!.startsWith(word);
}

/** Folded query words, national ids read as RPPS, disambiguating numbers dropped ("martin12"). */
/** Folded words as typed, numbers read. */
function allWords(query: string): string[] {
  return words(query).map((w) => (/^8\d{11}$/.test(w) ? w.slice(1) : withoutNumber(w)));
}

/** The words a mailbox must match. */
function matchedWords(typed: string[]): string[] {
  let ws = typed;
  // Titles and civilities are what every result is displayed with, not what it is found by.
  const named = ws.filter((w) => !CIVILITY_WORDS.has(w) && !PLACE_NOISE.has(w) && !SERVICE_KIND_WORDS.has(w));
  if (named.length) ws = named;
  const meaningful = ws.filter((w) => !STOP_WORDS.has(w));
  if (meaningful.length) ws = meaningful;
  ws = [...new Set(ws)];
  // A word that prefixes another word of the query adds nothing ("lef lefevre").
  ws = ws.filter((w) => !ws.some((o) => o !== w && o.startsWith(w)));
  return ws.slice(0, MAX_WORDS);
}

export function planQuery(query: string): QueryPlan {
  const typed = allWords(query);
  const ws = matchedWords(typed);
  const service = typed.some((w) => SERVICE_WORDS.has(w));
  const preferPeople = !service && ws.some(namesVocabulary);
  return {
    // "St" among other words is Saint (or the word St), not the beginning of Stéphane: whole words only.
    words: ws.map((word) =>
      PLACE_ABBREVIATIONS[word] ? { word, alternatives: [PLACE_ABBREVIATIONS[word]!], ...(ws.length > 1 ? { exact: true } : {}) } : { word, alternatives: [] },
    ),
    preferPeople,
    personBonus: preferPeople ? 4 * ws.length + 1 : 0,
  };
}
