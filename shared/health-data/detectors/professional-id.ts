// RPPS (11 digits, or 12 as IdNat 8+RPPS) and ADELI (9 digits) numbers, only right after their name. They identify
// professionals, not patients: weak clinical context, never health data alone.
import { NUMBER, type TextContext } from '../text-context';
import { maskDigits } from '../mask';
import type { Signal, TextDetector } from '../types';

/** Tokens allowed between the name and the number ("n°", ":" are not tokens; "numéro"/"no" are). */
const MAX_TOKENS_BETWEEN = 2;
const MAX_CHARS_BETWEEN = 16;

export const professionalIdDetector: TextDetector = {
  id: 'professional-id',
  target: 'text',
  evidence: 'clinical',
  detect(ctx: TextContext): Signal[] {
    const out: Signal[] = [];
    const kinds = [
      { cat: ctx.lex.category('rpps-name'), kind: 'rpps', lengths: [11, 12] },
      { cat: ctx.lex.category('adeli-name'), kind: 'adeli', lengths: [9] },
    ];
    for (const { cat, kind, lengths } of kinds) {
      for (let k = ctx.categoryFirst(cat.index), last = ctx.categoryLimit(cat.index); k < last; k++) {
        const h = ctx.hitSpan(ctx.categoryHit(k));
        for (let t = h.tokEnd; t < ctx.n && t <= h.tokEnd + MAX_TOKENS_BETWEEN; t++) {
          if (ctx.start[t]! - h.end > MAX_CHARS_BETWEEN) break;
          if (ctx.kind[t] !== NUMBER) continue;
          const digits = ctx.text.slice(ctx.start[t]!, ctx.end[t]!);
          if (/^\d+$/.test(digits) && lengths.includes(digits.length) && (digits.length !== 12 || digits.startsWith('8'))) {
            out.push({
              kind,
              role: 'clinical',
              start: h.start,
              end: ctx.end[t]!,
              weight: cat.weight,
              key: kind,
              label: cat.label,
              excerpt: `${kind.toUpperCase()} ${maskDigits(digits, 2)}`,
            });
          }
          break;
        }
      }
    }
    return out;
  },
};
