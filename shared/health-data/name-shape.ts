// A person's name written without a title, as hospital documents write it: family name in capitals with the given
// name ("DUPONT Jean", "PAT-TROIS Dominique", "Jean DUPONT"). Capitals alone ("FRCP ONCO"), institutions ("CHU
// Angers") and header words ("ERS Congress") are no name.
import { WORD, type TextContext } from './text-context';
import { allCaps, capitalisedWord } from './token-helpers';

/** Capitals that name institutions, services and documents, never a person. */
const INSTITUTIONS = new Set(
  'chu ch chr chru chi ght gh ghu ars has ans cpam ehpad ssr smr usld had samu smur rcp cme cse dmp mss aphp ap hp hcl aphm clcc espic urps cpts msp ifsi ufr cnom cdom ors onco cci sas sarl sa rh drh dsi daf dg cr crh cro frcp trod sdm mr ins nir ipp iep uf chg cmp cmpp csapa pmi nhs gp uk usa fr re tr fw fwd pj objet'.split(' '),
);
/** Capitalised words of headers that are no given name. */
const HEADER_WORDS = new Set(
  'congress congrès congres conference conférence meeting réunion reunion journée journee session study étude etude formation service department team équipe equipe group groupe board bureau committee comité comite clinic clinique hospital hôpital hopital centre center abstract update news newsletter invitation rappel reminder planning rota agenda programme program project projet'.split(' '),
);
const MAX_NAME_WORDS = 4;

/** The token is a vocabulary word or a known institution: no part of a name. */
function known(ctx: TextContext, t: number): boolean {
  return ctx.id[t]! >= 0 || ctx.wid[t]! >= 0 || INSTITUTIONS.has(ctx.value(t));
}

/** Name words from token t on: capitalised or in capitals, joined by one space or a hyphen. The last token, or -1. */
export function nameWords(ctx: TextContext, t: number): number {
  if (t >= ctx.n || ctx.kind[t] !== WORD || !(capitalisedWord(ctx, t) || allCaps(ctx, t)) || known(ctx, t)) return -1;
  let u = t;
  while (u + 1 < ctx.n && u + 1 - t < MAX_NAME_WORDS && /^[ \u00a0-]$/.test(ctx.gapBefore(u + 1)) && (capitalisedWord(ctx, u + 1) || allCaps(ctx, u + 1)) && !known(ctx, u + 1)) u++;
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
