// Clinical vocabulary (clinical.json): diagnoses, symptoms, medication, procedures, stays, report phrasing, sensitive
// conditions. Each occurrence is a clinical signal; it counts only near a person designation. Its excerpt (the
// words, numbers masked) is made only if it is reported.
import type { Signal, TextDetector } from '../types';
import type { TextContext } from '../text-context';

export const clinicalTermsDetector: TextDetector = {
  id: 'clinical-terms',
  target: 'text',
  evidence: 'clinical',
  detect(ctx: TextContext): Signal[] {
    const out: Signal[] = [];
    for (const index of ctx.lex.categoriesOf('clinical')) {
      const cat = ctx.lex.categories[index]!;
      for (let k = ctx.categoryFirst(index), last = ctx.categoryLimit(index); k < last; k++) {
        const i = ctx.categoryHit(k);
        const start = ctx.start[ctx.hitFirstToken(i)]!;
        const end = ctx.end[ctx.hitEndToken(i) - 1]!;
        out.push({ kind: cat.name, role: 'clinical', start, end, weight: cat.weight, key: ctx.hitPhraseOf(i), label: cat.label });
      }
    }
    return out;
  },
};
