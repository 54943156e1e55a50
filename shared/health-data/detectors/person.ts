// Designations of a person: civility + capitalised name ("M. Dupont", "M.Dupont"), a specific patient, a birth date,
// a room or bed. A clinician's title with a name is reported too, with a low weight (rosters and congresses name
// doctors, not patients). Ages are read by age.ts, names without a title in headers by header-name.ts.
import { NUMBER, WORD, type TextContext } from '../text-context';
import { ageAt, allCaps, isAny, isSpace, small } from '../token-helpers';
import { perLexicon } from '../lexicon';
import { maskDigits, maskName } from '../mask';
import type { Signal, TextDetector } from '../types';

const AGE_UNITS = ['ans', 'an', 'mois', 'jours', 'semaines', 'years', 'year', 'months', 'days', 'weeks'];

const SPACE = '[ \\t\\u00a0]';
/** French and English month names and their abbreviations ("févr.", "Sept", "December"), before or after the day. */
const MONTHS =
  'janv(?:ier)?|f[ée]v(?:r|rier)?|mars?|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept?(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?|jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|september|october|november|december';
/** A date right after a cue; every repetition is bounded (no backtracking blow-up on long runs of spaces). */
const DATE = new RegExp(
  `${SPACE}{0,3}(?:(?:le|on|du)${SPACE}{1,3})?:?${SPACE}{0,3}(?:\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})(?!\\d)|\\d{4}-\\d{2}-\\d{2}(?!\\d)|(?:\\d{1,2}|1er)${SPACE}{1,3}(?:${MONTHS})\\.?${SPACE}{1,3}\\d{4}(?!\\d)|(?:${MONTHS})${SPACE}{1,3}\\d{1,2}(?:st|nd|rd|th)?,?${SPACE}{1,3}\\d{4}(?!\\d))`,
  'iy',
);

/** Length of the date starting at `offset` (after optional spaces, "le", ":"), or 0. */
export function dateLengthAt(text: string, offset: number): number {
  DATE.lastIndex = offset;
  const m = DATE.exec(text);
  return m ? m[0].length : 0;
}

/**
 * Between a title and a name: one or two spaces, or a dot and at most two spaces ("Dr Martin", "M. Durand",
 * "Mme  Roux", "M.Dupont").
 */
function nameGap(text: string, from: number, to: number): boolean {
  const dotted = from < to && text.charCodeAt(from) === 0x2e;
  if (dotted) from++;
  const spaces = to - from;
  if (spaces > 2 || (spaces < 1 && !dotted)) return false;
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Between two words of one name: a space or a hyphen ("Jean Dupont", "Dupont-Martin"). */
function isNameJoin(c: number): boolean {
  return isSpace(c) || c === 0x2d;
}
const MAX_NAME_WORDS = 3;
/** Before a person noun: "is a", "was an elderly", "il s'agit d'une", "est une jeune" (at most three words between). */
const DESCRIBED = /(?:\b(?:is|was)[ \u00a0]+an?|s[’']agit[ \u00a0]+d[’']une?|\b(?:est|était)[ \u00a0]+une?)[ \u00a0]+(?:[a-zß-öø-ÿœ-]+[ \u00a0]+){0,3}$/;

const categories = perLexicon((lex) => ({
  civility: lex.category('civility'),
  clinician: lex.category('clinician-title'),
  patientWord: lex.category('patient-word'),
  determiner: lex.category('patient-determiner'),
  determiners: lex.idsOf('patient-determiner'),
  birth: lex.category('birth-cue'),
  role: lex.category('professional-role'),
  location: lex.category('patient-location'),
  personNoun: lex.category('person-noun'),
  articles: new Set(['a', 'an', 'un', 'une'].map((w) => lex.exact(w))),
}));

export const personDetector: TextDetector = {
  id: 'person',
  target: 'text',
  detect(ctx: TextContext): Signal[] {
    const { lex, text } = ctx;
    const out: Signal[] = [];
    const { civility, clinician, patientWord, determiner, determiners, birth, role, location, personNoun, articles } = categories(lex);

    const push = (kind: string, start: number, end: number, weight: number, label: Signal['label'], excerpt: string) =>
      out.push({ kind, role: 'person', start, end, weight, key: kind, label, excerpt });

    /** Capitalised words right after a title (token range [first, end) of the title): the name, or undefined. */
    const nameAfter = (titleEndToken: number): { end: number; first: number; last: number } | undefined => {
      const t = titleEndToken;
      const titleEnd = ctx.end[t - 1]!;
      if (t >= ctx.n || ctx.kind[t] !== WORD || ctx.start[t]! - titleEnd > 3 || !ctx.capitalised(t)) return undefined;
      if (!nameGap(text, titleEnd, ctx.start[t]!)) return undefined;
      // "M.Dupont": glued to the title's dot, the name has at least two letters ("M.D." is no name).
      if (ctx.start[t] === titleEnd + 1 && ctx.end[t]! - ctx.start[t]! < 2) return undefined;
      const next = ctx.categoryAt(t);
      if (next === civility.index || next === clinician.index) return undefined;
      let u = t;
      while (
        u + 1 < ctx.n &&
        u + 1 - t < MAX_NAME_WORDS &&
        ctx.kind[u + 1] === WORD &&
        ctx.capitalised(u + 1) &&
        ctx.start[u + 1]! - ctx.end[u]! === 1 &&
        isNameJoin(text.charCodeAt(ctx.end[u]!))
      )
        u++;
      return { end: ctx.end[u]!, first: t, last: u };
    };

    /** "Mme Duval, pharmacienne", "la pharmacienne Mme Duval", "Mrs Cooper, our new Director of Nursing": staff, not a patient. */
    const hasRole = (titleToken: number, nameEnd: number): boolean => {
      const titleStart = ctx.start[titleToken]!;
      for (let t = titleToken - 1; t >= 0 && t >= titleToken - 3; t--) {
        const r = ctx.hitNumberAt(t);
        if (r >= 0 && ctx.hitCategory(r) === role.index && titleStart - ctx.hitEnd(r) <= 2) return true;
      }
      const after = ctx.tokenAtOrAfter(nameEnd);
      const gap = small(text.slice(nameEnd, after < ctx.n ? ctx.start[after]! : nameEnd), 4);
      if (gap === undefined || !/^[ \u00a0]*[,(\u2013-][ \u00a0]*$/.test(gap)) return false;
      for (let t = after; t < ctx.n && t < after + 3; t++) if (ctx.categoryAt(t) === role.index) return true;
      return false;
    };

    const staff = new Set<string>();
    for (let k = ctx.categoryFirst(civility.index), last = ctx.categoryLimit(civility.index); k < last; k++) {
      const i = ctx.categoryHit(k);
      const first = ctx.hitFirstToken(i);
      const name = nameAfter(ctx.hitEndToken(i));
      if (!name) continue;
      const start = ctx.start[first]!;
      const end = ctx.end[ctx.hitEndToken(i) - 1]!;
      if (end - start === 1 && text.charAt(end) !== '.') continue; // "M" is a civility only as "M."
      const title = text.slice(start, end);
      const excerpt = `${title}${text.charAt(end) === '.' ? '.' : ''} ${maskName(text.slice(ctx.start[name.first]!, ctx.end[name.first]!))}`;
      if (hasRole(first, name.end)) {
        push('staff-name', start, name.end, role.weight, role.label, excerpt);
        staff.add(text.slice(ctx.start[name.last]!, name.end));
      } else push('person-name', start, name.end, civility.weight, civility.label, excerpt);
    }
    // "Mrs Karen Doyle, our lead nurse … call Mrs Doyle": a name once given a role keeps it.
    if (staff.size) {
      for (let i = 0; i < out.length; i++) {
        const s = out[i]!;
        if (s.kind === 'person-name' && staff.has(text.slice(ctx.start[ctx.tokenAtOrAfter(s.end) - 1]!, s.end)))
          out[i] = { ...s, kind: 'staff-name', key: 'staff-name', weight: role.weight, label: role.label };
      }
    }

    // "chambre 12", "lit 3", "bed 4": how wards designate a patient.
    for (let k = ctx.categoryFirst(location.index), last = ctx.categoryLimit(location.index); k < last; k++) {
      const h = ctx.hitSpan(ctx.categoryHit(k));
      let t = h.tokEnd;
      if (ctx.isWord(t, 'n') || ctx.isWord(t, 'no')) t++;
      if (t < ctx.n && ctx.kind[t] === NUMBER && ctx.start[t]! - h.end <= 4 && ctx.end[t]! - ctx.start[t]! <= 4) {
        push('patient-location', h.start, ctx.end[t]!, location.weight, location.label, `${text.slice(h.start, h.end)} **`);
      }
    }
    for (let k = ctx.categoryFirst(clinician.index), last = ctx.categoryLimit(clinician.index); k < last; k++) {
      const i = ctx.categoryHit(k);
      const name = nameAfter(ctx.hitEndToken(i));
      if (!name) continue;
      const start = ctx.start[ctx.hitFirstToken(i)]!;
      const end = ctx.end[ctx.hitEndToken(i) - 1]!;
      push(
        'clinician-name',
        start,
        name.end,
        clinician.weight,
        clinician.label,
        `${text.slice(start, end)} ${maskName(text.slice(ctx.start[name.first]!, ctx.end[name.first]!))}`,
      );
    }

    for (let k = ctx.categoryFirst(patientWord.index), last = ctx.categoryLimit(patientWord.index); k < last; k++) {
      const h = ctx.hitSpan(ctx.categoryHit(k));
      const t = h.tokStart;
      const word = text.slice(h.start, h.end);
      const determined = t > 0 && determiners.has(ctx.id[t - 1]!) && (small(ctx.gapBefore(t), 2) ?? '').trim() === '';
      const gapAfter = t + 1 < ctx.n ? (small(ctx.gapBefore(t + 1), 4) ?? '') : '';
      // "Patient : Jean Roux", "Patient DUPONT": a colon or a name in capitals ("Patient Information Leaflet" is a title).
      const named =
        t + 1 < ctx.n &&
        ctx.kind[t + 1] === WORD &&
        ctx.capitalised(t + 1) &&
        /^[ \u00a0]*:?[ \u00a0]*$/.test(gapAfter) &&
        gapAfter.length > 0 &&
        (gapAfter.includes(':') || allCaps(ctx, t + 1));
      const aged = ctx.isWord(t + 1, 'de') && ageAt(ctx, t + 2) && isAny(ctx, t + 3, AGE_UNITS);
      if (determined || named || aged) {
        const start = determined ? ctx.start[t - 1]! : h.start;
        push(
          'patient-designation',
          start,
          aged ? ctx.end[t + 3]! : h.end,
          determiner.weight,
          patientWord.label,
          determined
            ? text.slice(start, h.end)
            : aged
              ? `${word} de ** ${ctx.value(t + 3)}`
              : `${word} ${maskName(text.slice(ctx.start[t + 1]!, ctx.end[t + 1]!))}`,
        );
      } else push('patient-mention', h.start, h.end, patientWord.weight, patientWord.label, word);
    }

    for (let k = ctx.categoryFirst(birth.index), last = ctx.categoryLimit(birth.index); k < last; k++) {
      const h = ctx.hitSpan(ctx.categoryHit(k));
      const dateLen = dateLengthAt(text, h.end);
      const cue = text.slice(h.start, h.end);
      if (dateLen) {
        push('birth-date', h.start, h.end + dateLen, birth.weight, birth.label, `${cue} ${maskDigits(text.slice(h.end, h.end + dateLen).trim())}`);
      } else if (ctx.isWord(h.tokStart, 'nee') && h.tokEnd === h.tokStart + 1) {
        const t = h.tokEnd;
        const gap = t < ctx.n ? small(ctx.gapBefore(t), 2) : undefined;
        if (gap !== undefined && /^[ \u00a0]+$/.test(gap) && ctx.kind[t] === WORD && ctx.capitalised(t)) {
          push('birth-name', h.start, ctx.end[t]!, civility.weight, civility.label, `${cue} ${maskName(text.slice(ctx.start[t]!, ctx.end[t]!))}`);
        }
      }
    }

    /** An article ("a", "une") among the three words before token t, with small words only between. */
    const articleBefore = (t: number): boolean => {
      for (let u = t - 1; u >= 0 && u >= t - 4 && ctx.kind[u] === WORD && !ctx.capitalised(u); u--) if (articles.has(ctx.id[u]!)) return true;
      return false;
    };
    // "He is a very pleasant gentleman", "A is a young lady, who…", "This is a patient who…", "Il s'agit d'une
    // patiente de…": a sentence about one person.
    for (const c of [personNoun, patientWord]) {
      for (let k = ctx.categoryFirst(c.index), last = ctx.categoryLimit(c.index); k < last; k++) {
        const h = ctx.hitSpan(ctx.categoryHit(k));
        // "is a patient-friendly version": a compound adjective, no person. The regex runs only after an article
        // followed by small words ("a 33-year-old man" has a number between: an age, read by age.ts).
        if (text.charAt(h.end) === '-' || !articleBefore(h.tokStart)) continue;
        const before = text.slice(Math.max(0, h.start - 48), h.start);
        if (DESCRIBED.test(before)) push('person-described', h.start, h.end, 1, patientWord.label, text.slice(h.start, h.end));
      }
    }
    return out;
  },
};
