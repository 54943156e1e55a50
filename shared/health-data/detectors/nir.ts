// NIR / matricule INS in free text: 15 characters with a valid key (Corsica 2A/2B), written compact or grouped as
// `S AA MM DD CCC OOO KK` (any subset of those separators), never a slice of a longer digit or letter run.
import { checkMatriculeIns } from '../../recipient-policy/ins';
import { charClass, CLASS } from '../fold';
import { maskNir } from '../mask';
import type { Signal, TextDetector } from '../types';
import type { TextContext } from '../text-context';

/** Cumulative lengths at which a NIR may be split: after S, AA, MM, DD, CCC, OOO. */
const BOUNDARIES = new Set([1, 3, 5, 7, 10, 13]);
/** Purview's proximity for the keyword rule. */
export const NIR_KEYWORD_WINDOW = 300;

const LABEL = { fr: 'NIR détecté', en: 'NIR detected' };

function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2e || c === 0x2d;
}

/** A, B, a, b: the letters of Corsica's département codes. */
function isCorsicaLetter(c: number): boolean {
  return c === 0x41 || c === 0x42 || c === 0x61 || c === 0x62;
}

interface Group {
  start: number;
  end: number;
  usable: boolean;
}

/** Finds every valid NIR: start/end offsets and the compact upper-case form. */
export function findNirs(text: string): { start: number; end: number; compact: string; grouped: boolean }[] {
  const found: { start: number; end: number; compact: string; grouped: boolean }[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    if (charClass[text.charCodeAt(i)] !== CLASS.DIGIT) {
      i++;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const glued = charClass[prev] === CLASS.LETTER || prev === 0x5f;
    const groups: Group[] = [];
    let j = i;
    for (;;) {
      const gs = j;
      while (j < len && (charClass[text.charCodeAt(j)] === CLASS.DIGIT || isCorsicaLetter(text.charCodeAt(j)))) j++;
      const next = j < len ? text.charCodeAt(j) : 0x20;
      const gluedAfter = charClass[next] === CLASS.LETTER || next === 0x5f;
      groups.push({ start: gs, end: j, usable: !gluedAfter && !(groups.length === 0 && glued) });
      if (gluedAfter) {
        while (j < len && (charClass[text.charCodeAt(j)] !== 0 || text.charCodeAt(j) === 0x5f)) j++;
        break;
      }
      if (j + 1 < len && isSeparator(next) && charClass[text.charCodeAt(j + 1)] === CLASS.DIGIT) {
        j++;
        continue;
      }
      break;
    }
    i = j;
    if (groups.length === 1 && groups[0]!.end - groups[0]!.start !== 15) continue;
    for (let g = 0; g < groups.length; g++) {
      let total = 0;
      let compact = '';
      for (let h = g; h < groups.length; h++) {
        const grp = groups[h]!;
        if (!grp.usable) break;
        total += grp.end - grp.start;
        compact += text.slice(grp.start, grp.end);
        if (total === 15) {
          const m = compact.toUpperCase();
          if (checkMatriculeIns(m).valid) {
            found.push({ start: groups[g]!.start, end: grp.end, compact: m, grouped: h - g >= 3 });
            g = h;
          }
          break;
        }
        if (total > 15 || !BOUNDARIES.has(total)) break;
      }
    }
  }
  return found;
}

export const nirDetector: TextDetector = {
  id: 'nir',
  target: 'text',
  detect(ctx: TextContext): Signal[] {
    const found = findNirs(ctx.text);
    if (!found.length) return [];
    const keyword = [ctx.lex.category('nir-keyword').index];
    return found.map((n) => {
      const confirmed = n.grouped || ctx.hasHitBetween(keyword, n.start - NIR_KEYWORD_WINDOW, n.end + NIR_KEYWORD_WINDOW);
      return {
        kind: 'nir',
        role: 'identifier',
        start: n.start,
        end: n.end,
        weight: confirmed ? 1 : 0.7,
        ...(confirmed ? {} : { needsContext: true }),
        key: `nir:${n.start}`,
        label: LABEL,
        excerpt: maskNir(n.compact),
      } satisfies Signal;
    });
  },
};
