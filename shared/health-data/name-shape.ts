// A person's name written without a title, as hospital documents write it: family name in capitals with the given
// name ("DUPONT Jean", "PAT-TROIS Dominique", "Jean DUPONT"). Capitals alone ("FRCP ONCO"), institutions ("CHU
// Angers") and header words ("ERS Congress") are no name.
import { WORD, type TextContext } from './text-context';
import { allCaps, capitalisedWord } from './token-helpers';

/**
 * Capitals that name institutions, services and documents, never a person (only those with a vowel matter: a name in
 * capitals needs one).
 */
const INSTITUTIONS = new Set(
  'chu chru chi ars has ans cpam ehpad usld had samu smur cme cse aphp ap aphm clcc espic urps ifsi ufr cnom cdom ors onco cci dsi daf cro trod ins'.split(' '),
);
/** Capitalised words of headers that are no given name (folded: compared with the token's folded value). */
const HEADER_WORDS = new Set(
  'congress congres conference meeting reunion journee session study etude formation service department team equipe group groupe bureau committee comite clinic clinique hospital hopital centre center abstract newsletter invitation rappel planning agenda programme projet'.split(
    ' ',
  ),
);
const MAX_NAME_WORDS = 4;

/** The token is a vocabulary word or a known institution: no part of a name. */
function known(ctx: TextContext, t: number): boolean {
  return ctx.id[t]! >= 0 || ctx.wid[t]! >= 0 || (ctx.end[t]! - ctx.start[t]! <= 5 && INSTITUTIONS.has(ctx.value(t)));
}

/** Name words from token t on: capitalised or in capitals, joined by one space or a hyphen. The last token, or -1. */
export function nameWords(ctx: TextContext, t: number): number {
  if (t >= ctx.n || ctx.kind[t] !== WORD || !(capitalisedWord(ctx, t) || allCaps(ctx, t)) || known(ctx, t)) return -1;
  let u = t;
  while (
    u + 1 < ctx.n &&
    u + 1 - t < MAX_NAME_WORDS &&
    /^[ \u00a0-]$/.test(ctx.gapBefore(u + 1)) &&
    (capitalisedWord(ctx, u + 1) || allCaps(ctx, u + 1)) &&
    !known(ctx, u + 1)
  )
    u++;
  return u;
}

/**
 * A name shape from token t: name words with a family name in capitals (at least 4 letters and a vowel: acronyms
 * are shorter or have none) and a capitalised given name. The last token, or -1.
 */
export function nameShapeAt(ctx: TextContext, t: number): number {
  const last = nameWords(ctx, t);
  if (last <= t) return -1;
  let capsLetters = 0;
  let vowel = false;
  let mixed = false;
  for (let u = t; u <= last; u++) {
    const v = ctx.value(u);
    if (allCaps(ctx, u)) {
      capsLetters += v.length;
      if (/[aeiouy]/.test(v)) vowel = true;
    } else {
      if (HEADER_WORDS.has(v)) return -1;
      mixed = true;
    }
  }
  return capsLetters >= 4 && vowel && mixed ? last : -1;
}
