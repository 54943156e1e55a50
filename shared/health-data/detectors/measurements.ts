// Numbers that describe a body: a dose (500 mg), a lab result (kaliémie 3,2 mmol/l, HbA1c 8,1 %), a vital sign
// (TA 150/90 mmHg). Units come from units.json, lab tests and vital signs from clinical.json. Excerpts (numbers
// masked) are made from the text only for reported findings.
import { MAX_HITS_READ, NUMBER, WORD, type TextContext } from '../text-context';
import { perLexicon, type Category } from '../lexicon';
import type { Signal, TextDetector } from '../types';

/** Most tokens / characters between a lab test's name and its value ("CRP à 45", "Hb : 9,8"). */
const VALUE_TOKENS = 3;
const VALUE_CHARS = 16;

const KINDS: Record<string, string> = { 'dose-unit': 'dose', 'lab-unit': 'lab-result', 'vital-unit': 'vital-sign' };

const categories = perLexicon((lex) => {
  const units = [lex.category('dose-unit'), lex.category('lab-unit'), lex.category('vital-unit')];
  const unitOf: (Category | undefined)[] = [];
  for (const u of units) unitOf[u.index] = u;
  return { units, unitOf, analyte: lex.category('analyte'), vital: lex.category('vital-sign') };
});

export const measurementsDetector: TextDetector = {
  id: 'measurements',
  target: 'text',
  evidence: 'clinical',
  detect(ctx: TextContext): Signal[] {
    const { lex, text } = ctx;
    const out: Signal[] = [];
    const { units, unitOf, analyte, vital } = categories(lex);
    // Numbers already read as a value with its unit (marked by token).
    const valued = ctx.marks();

    for (const t of ctx.numberTokens) {
      if (out.length >= MAX_HITS_READ) break;
      if (t + 1 >= ctx.n || ctx.kind[t + 1] !== WORD) continue;
      const gap = ctx.start[t + 1]! - ctx.end[t]!;
      if (gap > 1) continue;
      const h = ctx.hitNumberAt(t + 1);
      const unit = h >= 0 ? unitOf[ctx.hitCategory(h)] : undefined;
      if (!unit) continue;
      if (gap === 1) {
        const sep = text.charCodeAt(ctx.end[t]!);
        if (sep !== 0x20 && sep !== 0xa0 && sep !== 0x2f) continue;
      }
      const kind = KINDS[unit.name]!;
      // "148/96 mmHg": the value starts at the first number.
      const first = t > 0 && ctx.kind[t - 1] === NUMBER && ctx.end[t - 1] === ctx.start[t]! - 1 && text.charAt(ctx.end[t - 1]!) === '/' ? t - 1 : t;
      const start = ctx.start[first]!;
      out.push({ kind, role: 'clinical', start, end: ctx.hitEnd(h), weight: unit.weight, key: -1 - start, label: unit.label });
      valued[first] = 1;
      valued[t] = 1;
    }

    for (const cat of [analyte, vital]) {
      const name = cat.name;
      const result = cat === analyte ? units[1]! : units[2]!;
      for (let k = ctx.categoryFirst(cat.index), last = ctx.categoryLimit(cat.index); k < last; k++) {
        const h = ctx.hitSpan(ctx.categoryHit(k));
        for (let t = h.tokEnd; t < ctx.n && t < h.tokEnd + VALUE_TOKENS; t++) {
          if (ctx.start[t]! - h.end > VALUE_CHARS) break;
          if (ctx.kind[t] !== NUMBER) continue;
          let end = ctx.end[t]!;
          // Keep what follows on the excerpt: "150/90", "8,1 %".
          if (text.charAt(end) === '/' && ctx.kind[t + 1] === NUMBER && ctx.start[t + 1] === end + 1) end = ctx.end[t + 1]!;
          const pct = /^ ?%/.exec(text.slice(end, end + 2));
          if (pct) end += pct[0].length;
          const kind = name === 'analyte' ? 'lab-result' : 'vital-sign';
          if (!valued[t]) out.push({ kind, role: 'clinical', start: h.start, end, weight: result.weight, key: -1 - h.start, label: result.label });
          break;
        }
      }
    }
    return out;
  },
};
