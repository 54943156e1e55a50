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

/** A run of at least 14 characters of digits (and A/B), single separators between them. */
const LONG_RUN = /[0-9](?:[0-9ABab]|[ .\u00a0\u202f-](?=[0-9])){13,}/g;

/** A NIR spans at most 7 groups (S AA MM DD CCC OOO KK): only the last 7 groups of a run are kept. */
const WINDOW = 7;
const groupStart = new Int32Array(WINDOW);
const groupEnd = new Int32Array(WINDOW);
const groupUsable = new Uint8Array(WINDOW);

export interface NirMatch {
  start: number;
  end: number;
  /** Upper-case, without separators. */
  compact: string;
  /** Written in at least four groups (S AA MM DD …): the way a NIR is written, not a reference number. */
  grouped: boolean;
}

/** Past this many NIRs in one text the verdict cannot change: the search stops (a pasted file of NIRs stays fast). */
export const MAX_NIRS = 1000;

/**
 * Finds every valid NIR (up to `limit`). Linear: each character is read once, and as each group of a run is read,
 * only the chains of the last 7 groups that end with it are checked (constant work per group).
 */
export function findNirs(text: string, limit = MAX_NIRS, from = 0, to = text.length, found: NirMatch[] = []): NirMatch[] {
  const len = text.length;
  // The engine's own search finds the runs long enough to hold a NIR (dates, phone numbers, amounts are skipped
  // natively); each run is then split into groups and checked here. The pattern has no nested repetition: linear.
  // Only runs starting in [from, to) are read (a run is read whole, even past `to`).
  LONG_RUN.lastIndex = from;
  for (let m = LONG_RUN.exec(text); m && m.index < to; m = LONG_RUN.exec(text)) {
    const i = m.index;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const glued = charClass[prev] === CLASS.LETTER || prev === 0x5f;
    /** Groups read so far in this run, and the first group a new NIR may start at (after the last one found). */
    let groups = 0;
    let firstFree = 0;
    let j = i;
    for (;;) {
      const gs = j;
      while (j < len) {
        const c = text.charCodeAt(j);
        if (charClass[c] !== CLASS.DIGIT && !isCorsicaLetter(c)) break;
        j++;
      }
      const next = j < len ? text.charCodeAt(j) : 0x20;
      const gluedAfter = charClass[next] === CLASS.LETTER || next === 0x5f;
      const h = groups++;
      const slot = h % WINDOW;
      groupStart[slot] = gs;
      groupEnd[slot] = j;
      groupUsable[slot] = !gluedAfter && !(h === 0 && glued) ? 1 : 0;
      // The one chain of usable groups ending here with 15 characters (totals grow as it extends back), if it is
      // split only where a NIR may be split; a NIR found ends the chains that overlap it.
      if (groupUsable[slot]) {
        let total = 0;
        let start = -1;
        for (let g = h; g >= 0 && g > h - WINDOW && g >= firstFree; g--) {
          const sg = g % WINDOW;
          if (!groupUsable[sg]) break;
          total += groupEnd[sg]! - groupStart[sg]!;
          if (total > 15) break;
          if (total === 15) start = g;
        }
        if (start >= 0 && chainSplitsWell(start, h)) {
          let compact = '';
          for (let x = start; x <= h; x++) compact += text.slice(groupStart[x % WINDOW]!, groupEnd[x % WINDOW]!);
          compact = compact.toUpperCase();
          if (checkMatriculeIns(compact).valid) {
            found.push({ start: groupStart[start % WINDOW]!, end: j, compact, grouped: h - start >= 3 });
            if (found.length >= limit) return found;
            firstFree = h + 1;
          }
        }
      }
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
    LONG_RUN.lastIndex = Math.max(j, m.index + 1);
  }
  return found;
}

/** True when every split between groups start..end falls where a NIR may be split (after S, AA, MM, DD, CCC, OOO). */
function chainSplitsWell(start: number, end: number): boolean {
  let total = 0;
  for (let g = start; g < end; g++) {
    total += groupEnd[g % WINDOW]! - groupStart[g % WINDOW]!;
    if (!BOUNDARIES.has(total)) return false;
  }
  return true;
}

export const nirDetector: TextDetector = {
  id: 'nir',
  target: 'text',
  detect(ctx: TextContext): Signal[] {
    const regions = ctx.nirRegions;
    if (!regions.length) return [];
    const found: NirMatch[] = [];
    for (let r = 0; r < regions.length && found.length < MAX_NIRS; r += 2) findNirs(ctx.text, MAX_NIRS, regions[r]!, regions[r + 1]!, found);
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
