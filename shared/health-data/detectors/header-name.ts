// A person named without a title where documents put the patient's name: after an identity label ("Patient(e) :",
// "Nom :", "Patient name:"), and in a header line ("Objet : CR d’imagerie — PAT-TROIS Dominique", the first line, a
// "Re:" line) written as name-shape.ts reads it, standing apart between separators.
import { WORD, type TextContext } from '../text-context';
import { perLexicon } from '../lexicon';
import { maskName } from '../mask';
import { small } from '../token-helpers';
import { nameShapeAt, nameWords } from '../name-shape';
import type { Signal, TextDetector } from '../types';

/** A header line starts with one of these, then a colon. */
const HEADER_LINE = /^[ \t\u00a0>]*(?:objet|subject|sujet|concerne|re|tr|fwd?|réf|ref)[ \u00a0]*:/gim;
const MAX_HEADER = 300;
/** Header lines read at most: a message's own and those of the replies it quotes. */
const MAX_HEADER_LINES = 64;

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
    // "Patient(e) : PAT-TROIS DOMINIQUE", "Nom : Durand", "Patient name: Jane Roe".
    for (let k = ctx.categoryFirst(label.index), last = ctx.categoryLimit(label.index); k < last; k++) {
      const h = ctx.hitSpan(ctx.categoryHit(k));
      const t = h.tokEnd;
      if (t >= ctx.n || !/^\)?[ \u00a0\u202f]*:[ \u00a0]*$/.test(small(ctx.gapBefore(t), 6) ?? 'x')) continue;
      const lastWord = nameWords(ctx, t);
      if (lastWord < 0) continue;
      push(h.start, ctx.end[lastWord]!, `${text.slice(h.start, ctx.end[h.tokStart]!)}: ${maskName(ctx.value(t).toUpperCase())}`);
    }

    // Header lines: the first line (a subject), and lines such as "Objet : …", "Re: …"; a header line is short, so only
    // its first MAX_HEADER characters are read.
    const firstEnd = text.indexOf('\n');
    readHeaderLine(0, Math.min(firstEnd < 0 ? text.length : firstEnd, MAX_HEADER));
    HEADER_LINE.lastIndex = 0;
    let lines = 0;
    for (let m = HEADER_LINE.exec(text); m && lines++ < MAX_HEADER_LINES; m = HEADER_LINE.exec(text)) {
      const lineEnd = text.indexOf('\n', m.index + 1);
      if (m.index > 0) readHeaderLine(m.index, Math.min(lineEnd < 0 ? text.length : lineEnd, m.index + MAX_HEADER));
    }
    return out;

    /** A name with a word in capitals and a capitalised one, standing apart (between separators or at the line's ends). */
    function readHeaderLine(from: number, to: number): void {
      for (let t = ctx.tokenAtOrAfter(from); t < ctx.n && ctx.start[t]! < to; t++) {
        if (ctx.kind[t] !== WORD) continue;
        const lastWord = nameShapeAt(ctx, t);
        if (lastWord < 0) continue;
        const before = text.slice(Math.max(from, ctx.start[t]! - 3), ctx.start[t]!);
        const after = text.slice(ctx.end[lastWord]!, Math.min(to, ctx.end[lastWord]! + 2));
        const apart =
          (t === ctx.tokenAtOrAfter(from) || /[—–\-:/,;(|][ \u00a0]*$/.test(before)) &&
          (ctx.end[lastWord]! >= to || /^[ \u00a0]*(?:[—–\-/,;)|.]|$)/.test(after) || /^\r/.test(after));
        if (apart && ctx.start[lastWord]! < to) push(ctx.start[t]!, ctx.end[lastWord]!, `en-tête: ${maskName(text.slice(ctx.start[t]!, ctx.end[t]!))}`);
        t = lastWord;
      }
    }
  },
};
