// A person named without a title where documents put the patient's name: after an identity label ("Patient(e) :",
// "Nom :", "Patient name:"), and in a header line ("Objet : CR d’imagerie — PAT-TROIS Dominique", the subject, a
// "Re:" line) as the hospital convention writes it, family name in capitals with the given name ("DUPONT Jean",
// "Jean DUPONT"). Capitals alone ("FRCP ONCO") and institutions ("CHU Angers") are no name.
import { WORD, type TextContext } from '../text-context';
import { perLexicon } from '../lexicon';
import { maskName } from '../mask';
import { allCaps, capitalisedWord, small } from '../token-helpers';
import type { Signal, TextDetector } from '../types';

/** Capitals that name institutions, services and documents, never a person. */
const INSTITUTIONS = new Set(
  'chu ch chr chru chi ght gh ghu ars has ans cpam ehpad ssr smr usld had samu smur rcp cme cse dmp mss aphp ap hp hcl aphm clcc espic urps cpts msp ifsi ufr cnom cdom ors onco cci sas sarl sa rh drh dsi daf dg cr crh cro frcp trod sdm mr ins nir ipp iep uf chg cmp cmpp csapa pmi nhs gp uk usa fr re tr fw fwd pj objet'.split(' '),
);
/** A header line starts with one of these, then a colon. */
const HEADER_LINE = /^[ \t\u00a0>]*(?:objet|subject|sujet|concerne|re|tr|fwd?|réf|ref)[ \u00a0]*:/i;
/** Capitalised words of headers that are no given name. */
const HEADER_WORDS = new Set(
  'congress congrès congres conference conférence meeting réunion reunion journée journee session study étude etude formation service department team équipe equipe group groupe board bureau committee comité comite clinic clinique hospital hôpital hopital centre center abstract update news newsletter invitation rappel reminder planning rota agenda programme program project projet'.split(' '),
);
const MAX_NAME_WORDS = 4;

const categories = perLexicon((lex) => ({ label: lex.category('identity-label'), civility: lex.category('civility') }));

export const headerNameDetector: TextDetector = {
  id: 'header-name',
  target: 'text',
  detect(ctx: TextContext): Signal[] {
    const { text } = ctx;
    const out: Signal[] = [];
    const { label, civility } = categories(ctx.lex);
    const push = (start: number, end: number, excerpt: string) =>
      out.push({ kind: 'person-name', role: 'person', start, end, weight: civility.weight, key: 'person-name', label: civility.label, excerpt });
    const known = (t: number) => ctx.id[t]! >= 0 || ctx.wid[t]! >= 0 || INSTITUTIONS.has(ctx.value(t));
    /** Name words from token t on: capitalised or capitals, joined by one space or a hyphen. Returns the last token, or -1. */
    const nameWords = (t: number): number => {
      let u = t;
      if (!(capitalisedWord(ctx, u) || allCaps(ctx, u)) || known(u)) return -1;
      while (u + 1 < ctx.n && u + 1 - t < MAX_NAME_WORDS && /^[ \u00a0-]$/.test(ctx.gapBefore(u + 1)) && (capitalisedWord(ctx, u + 1) || allCaps(ctx, u + 1)) && !known(u + 1)) u++;
      return u;
    };

    // "Patient(e) : PAT-TROIS DOMINIQUE", "Nom : Durand", "Patient name: Jane Roe".
    for (let k = ctx.categoryFirst(label.index), last = ctx.categoryEnd(label.index); k < last; k++) {
      const h = ctx.hitSpan(ctx.categoryHit(k));
      const t = h.tokEnd;
      if (t >= ctx.n || !/^[ \u00a0\u202f]*:[ \u00a0]*$/.test(small(ctx.gapBefore(t), 5) ?? 'x')) continue;
      const lastWord = nameWords(t);
      if (lastWord < 0) continue;
      push(h.start, ctx.end[lastWord]!, `${text.slice(h.start, ctx.end[h.tokStart]!)}: ${maskName(ctx.value(t).toUpperCase())}`);
    }

    // Header lines: the first line (a subject), and lines such as "Objet : …", "Re: …".
    let lineStart = 0;
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      if (lineStart === 0 || HEADER_LINE.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 24)))) readHeaderLine(lineStart, lineEnd);
      lineStart = lineEnd + 1;
    }
    return out;

    /** A name with a word in capitals and a capitalised one, standing apart (between separators or at the line's ends). */
    function readHeaderLine(from: number, to: number): void {
      for (let t = ctx.tokenAtOrAfter(from); t < ctx.n && ctx.start[t]! < to; t++) {
        if (ctx.kind[t] !== WORD) continue;
        const lastWord = nameWords(t);
        if (lastWord <= t) continue;
        // The family name in capitals has at least 4 letters and a vowel (acronyms are shorter or have none).
        let capsLetters = 0;
        let vowel = false;
        let mixed = false;
        let common = false;
        for (let u = t; u <= lastWord; u++) {
          if (allCaps(ctx, u)) {
            const v = ctx.value(u);
            capsLetters += v.length;
            if (/[aeiouy]/.test(v)) vowel = true;
          } else {
            mixed = true;
            if (HEADER_WORDS.has(ctx.value(u))) common = true;
          }
        }
        const caps = capsLetters >= 4 && vowel && !common;
        const before = text.slice(Math.max(from, ctx.start[t]! - 3), ctx.start[t]!);
        const after = text.slice(ctx.end[lastWord]!, Math.min(to, ctx.end[lastWord]! + 2));
        const apart = (t === ctx.tokenAtOrAfter(from) || /[—–\-:/,;(|][ \u00a0]*$/.test(before)) && (ctx.end[lastWord]! >= to || /^[ \u00a0]*(?:[—–\-/,;)|.]|$)/.test(after) || /^\r/.test(after));
        if (caps && mixed && apart && ctx.start[lastWord]! < to) push(ctx.start[t]!, ctx.end[lastWord]!, `en-tête: ${maskName(text.slice(ctx.start[t]!, ctx.end[t]!))}`);
        t = lastWord;
      }
    }
  },
};
