// A document about a designated person: "ci-joint le CR d’imagerie de M.Dupont", "Ordonnance pour Mme Petit",
// "Objet : Compte rendu d'examens biologiques — PAT-TROIS Dominique", "discharge summary for Mr Smith". The title
// of a clinical document tied to a person is health data by itself: the covering mail says what the attachment holds.
import { WORD, type TextContext } from '../text-context';
import { perLexicon } from '../lexicon';
import { small } from '../token-helpers';
import { nameShapeAt } from '../name-shape';
import type { Signal, TextDetector } from '../types';

/** Between the title and the person: a link word or a separator, on the same line. */
const LINK =
  /^[ \u00a0]*(?:(?:de|du|d[’']|pour|concernant|of|for|regarding|about|re)[ \u00a0]*|[—–\-:/,][ \u00a0]*)(?:(?:de|du|d[’']|votre|notre|mon|ma|your|our|my|la|le|the)[ \u00a0]*)?$/i;
const WEIGHT = 1;

const categories = perLexicon((lex) => ({
  title: lex.category('document-title'),
  civility: lex.category('civility'),
  patientWord: lex.category('patient-word'),
}));

export const reportSubjectDetector: TextDetector = {
  id: 'report-subject',
  target: 'text',
  evidence: 'clinical',
  detect(ctx: TextContext): Signal[] {
    const out: Signal[] = [];
    const { title, civility, patientWord } = categories(ctx.lex);
    /** A person designation starts at token t: a civility with a name, "patient(e)", or a name in capitals and small letters. */
    const designation = (t: number): boolean => {
      if (t >= ctx.n || ctx.kind[t] !== WORD) return false;
      const c = ctx.categoryAt(t);
      if (c === civility.index) return t + 1 < ctx.n && ctx.capitalised(t + 1) && /^\.?[ \u00a0]{0,2}$/.test(small(ctx.gapBefore(t + 1), 3) ?? 'x');
      if (c === patientWord.index) return true;
      return nameShapeAt(ctx, t) >= 0;
    };
    for (let k = ctx.categoryFirst(title.index), last = ctx.categoryLimit(title.index); k < last; k++) {
      const h = ctx.hitSpan(ctx.categoryHit(k));
      const end = h.end;
      const start = h.start;
      // The person comes within a few words: "de", "pour", "—", "de votre patiente".
      for (let t = h.tokEnd; t < ctx.n && t < h.tokEnd + 3; t++) {
        if (!designation(t)) continue;
        if (LINK.test(small(ctx.text.slice(end, ctx.start[t]!), 24) ?? '\n'))
          out.push({ kind: 'report-subject', role: 'clinical', start, end: ctx.end[t]!, weight: WEIGHT, key: 'report-subject', label: title.label });
        break;
      }
    }
    return out;
  },
};
