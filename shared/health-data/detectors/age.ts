// The age of one person: "âgée de 67 ans", "un homme de 45 ans", "Mme X, 72 ans", "a 33-year-old man", "29 y.o. female",
// "who is 42 years old", "It is the case of a 29 years old woman". An age with a person noun designates someone as a
// name does; an age of a population ("patients âgés de 18 à 75 ans", "aged 65 and over", "children under 5 years old")
// designates no one.
import { MAX_HITS_READ, type TextContext } from '../text-context';
import { perLexicon } from '../lexicon';
import { ageAt, isAny, small } from '../token-helpers';
import type { Signal, TextDetector } from '../types';

const AGE_UNITS = ['ans', 'an', 'mois', 'jours', 'semaines', 'years', 'year', 'months', 'days', 'weeks', 'yo', 'yr', 'yrs'];
const YEAR_WORDS = ['year', 'years', 'yr', 'yrs'];
/** Most characters between an English age and its person noun ("45-year-old previously healthy male"). */
const NOUN_REACH = 32;
const STATISTICS = ['median', 'mean', 'average', 'moyen', 'moyenne'];
/** After the age: a range or a bound, so a population. */
const POPULATION_AFTER = /^\s*(?:\+|[-–à]\s*\d|and over|or over|and above|and older|or older|et plus|ou plus|to \d)/i;
/** Before the number: a bound ("under 5 years old", "moins de 15 ans", "entre 18 et 65 ans"). */
const BOUND_BEFORE = /(?:under|over|than|below|above|between|from|moins de|plus de|entre|de \d+ à)\s*$/i;

const categories = perLexicon((lex) => ({
  ageCue: lex.category('age-cue'),
  personNoun: lex.category('person-noun'),
  patientWord: lex.category('patient-word'),
  /** Ids of the words that may follow the number of an age ("ans", "year", "yo", "y" of "y.o."). */
  unitIds: new Set([...AGE_UNITS, 'y'].map((w) => lex.exact(w)).filter((id) => id >= 0)),
  yearIds: new Set(YEAR_WORDS.map((w) => lex.exact(w)).filter((id) => id >= 0)),
  /** Ids of single words read by number (every one of them is in person.json's age-words). */
  id: (word: string) => lex.exact(word),
}));

export const ageDetector: TextDetector = {
  id: 'age',
  target: 'text',
  detect(ctx: TextContext): Signal[] {
    const { text } = ctx;
    const out: Signal[] = [];
    const { ageCue, personNoun, patientWord, unitIds, yearIds, id } = categories(ctx.lex);
    const [ansId, moisId, oldId, yoId, yId, oId] = ['ans', 'mois', 'old', 'yo', 'y', 'o'].map(id);
    const push = (start: number, end: number, weight: number, excerpt: string) =>
      out.push({ kind: 'age', role: 'person', start, end, weight, key: 'age', label: ageCue.label, excerpt });
    /** Tokens a and b are glued, or one space or hyphen apart ("33-year-old", "29 years old"). */
    const joined = (a: number, b: number): boolean => {
      const gap = ctx.start[b]! - ctx.end[a]!;
      if (gap === 0) return true;
      const c = text.charCodeAt(ctx.end[a]!);
      return gap === 1 && (c === 0x20 || c === 0xa0 || c === 0x2d);
    };
    const boundBefore = (t: number) => BOUND_BEFORE.test(text.slice(Math.max(0, ctx.start[t]! - 16), ctx.start[t]!));
    /** A person noun ("man", "fillette") or "patient" right after token t (a space or a hyphen between). */
    /**
     * A person noun ("man", "fillette") or "patient" after token t, within a few words of the same clause ("a
     * 45-year-old Caucasian male", "23-year-old white female"): where it ends, or -1.
     */
    const nounAfter = (t: number): number => {
      for (let u = t + 1; u < ctx.n && u <= t + 3 && ctx.start[u]! - ctx.end[t]! <= NOUN_REACH; u++) {
        const c = ctx.categoryAt(u);
        if (c !== personNoun.index && c !== patientWord.index) continue;
        return /[.,;:!?()\n]/.test(text.slice(ctx.end[t]!, ctx.start[u]!)) ? -1 : ctx.hitEnd(ctx.hitNumberAt(u));
      }
      return -1;
    };

    // "âgé de 67 ans", "aged 58", "age 45".
    for (let k = ctx.categoryFirst(ageCue.index), last = ctx.categoryLimit(ageCue.index); k < last; k++) {
      const h = ctx.hitSpan(ctx.categoryHit(k));
      let t = h.tokEnd;
      const withDe = ctx.isWord(t, 'de');
      if (withDe) t++;
      if (!ageAt(ctx, t) || ctx.start[t]! - h.end > 6) continue;
      if (isAny(ctx, h.tokStart - 1, STATISTICS)) continue; // "median age 71", "âge moyen"
      const unit = isAny(ctx, t + 1, AGE_UNITS);
      const english = ctx.isWord(h.tokStart, 'aged') || (ctx.isWord(h.tokStart, 'age') && !unit && !withDe);
      if (!unit && !english) continue;
      const endToken = unit ? t + 1 : t;
      if (POPULATION_AFTER.test(small(text.slice(ctx.end[endToken]!, ctx.end[endToken]! + 12), 12) ?? '')) continue;
      push(
        h.start,
        ctx.end[endToken]!,
        withDe ? 1 : ageCue.weight,
        `${text.slice(h.start, h.end)}${withDe ? ' de' : ''} **${unit ? ` ${ctx.value(t + 1)}` : ''}`,
      );
    }

    // "un homme de 45 ans", "une fillette de 2 ans".
    for (let k = ctx.categoryFirst(personNoun.index), last = ctx.categoryLimit(personNoun.index); k < last; k++) {
      const h = ctx.hitSpan(ctx.categoryHit(k));
      const t = h.tokEnd;
      if (
        ctx.isWord(t, 'de') &&
        ageAt(ctx, t + 1) &&
        isAny(ctx, t + 2, AGE_UNITS) &&
        !POPULATION_AFTER.test(text.slice(ctx.end[t + 2]!, ctx.end[t + 2]! + 12))
      ) {
        push(h.start, ctx.end[t + 2]!, personNoun.weight, `${text.slice(h.start, h.end)} de ** ${ctx.value(t + 2)}`);
      }
    }

    for (const t of ctx.numberTokens) {
      if (out.length >= MAX_HITS_READ) break;
      const next = t + 1;
      // Cheap checks first: a short number followed by a short word.
      if (next >= ctx.n || ctx.end[t]! - ctx.start[t]! > 3 || !unitIds.has(ctx.id[next]!)) continue;
      if (!ageAt(ctx, t)) continue;
      const glued = joined(t, next);
      if (ctx.id[next] === ansId || ctx.id[next] === moisId) {
        // "Mme X, 67 ans", "(54 ans)".
        const gap = (small(ctx.gapBefore(t), 3) ?? '').trim();
        if ((gap === ',' || gap === '(') && small(ctx.gapBefore(next), 1) !== undefined) push(ctx.start[t]!, ctx.end[next]!, 0.6, `** ${ctx.value(next)}`);
        continue;
      }
      if (!glued) continue;
      // The last token of the age: "33-year-old", "29 years old", "54 yo", "68 y/o", "29 y.o.".
      let last = -1;
      let old = false;
      let excerpt = '';
      if (yearIds.has(ctx.id[next]!)) {
        last = next;
        if (next + 1 < ctx.n && ctx.id[next + 1] === oldId && joined(next, next + 1)) {
          last = next + 1;
          old = true;
        }
        excerpt = old ? '**-year-old' : '**-year';
      } else if (ctx.id[next] === yoId) {
        last = next;
        old = true;
        excerpt = '** yo';
      } else if (
        ctx.id[next] === yId &&
        next + 1 < ctx.n &&
        ctx.id[next + 1] === oId &&
        ctx.start[next + 1] === ctx.end[next]! + 1 &&
        '/.'.includes(text.charAt(ctx.end[next]!))
      ) {
        last = next + 1;
        old = true;
        excerpt = `** y${text.charAt(ctx.end[next]!)}o`;
      }
      if (last < 0 || boundBefore(t)) continue;
      let end = ctx.end[last]!;
      if (text.charAt(end) === '.' && excerpt.includes('y.o')) end++;
      // "a 4-year-old boy", "29 y.o. female", "a 33-year man" (the noun makes the age a person's).
      let nounEnd = nounAfter(last);
      if (nounEnd < 0 && text.charAt(ctx.end[last]!) === '.') nounEnd = nounAfterDot(ctx, last);
      if (nounEnd < 0 && !old) continue; // "for 10 years": a duration
      if (POPULATION_AFTER.test(text.slice(end, end + 12))) continue;
      push(
        ctx.start[t]!,
        nounEnd >= 0 ? nounEnd : end,
        nounEnd >= 0 ? personNoun.weight : ageCue.weight,
        nounEnd >= 0 ? `${excerpt} ${text.slice(ctx.start[ctx.tokenAtOrAfter(end)]!, nounEnd)}` : excerpt,
      );
    }
    return out;

    /** "29 y.o. female": the noun after the closing dot and a space. */
    function nounAfterDot(c: TextContext, last: number): number {
      const u = last + 1;
      if (u >= c.n || !/^\.[ \u00a0]$/.test(c.gapBefore(u))) return -1;
      const cat = c.categoryAt(u);
      return cat === personNoun.index || cat === patientWord.index ? c.hitEnd(c.hitNumberAt(u)) : -1;
    }
  },
};
