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

/** Scratch space for the groups of one digit run (reused: no allocation per run). */
let groupStart = new Int32Array(64);
let groupEnd = new Int32Array(64);
let groupUsable = new Uint8Array(64);

function ensureGroups(n: number): void {
  if (n < groupStart.length) return;
  const size = groupStart.length * 2;
  const s = new Int32Array(size);
  const e = new Int32Array(size);
  const u = new Uint8Array(size);
  s.set(groupStart);
  e.set(groupEnd);
  u.set(groupUsable);
  groupStart = s;
  groupEnd = e;
  groupUsable = u;
}

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

/** Finds every valid NIR (up to `limit`). Linear: each character is read once, each run's groups a bounded number of times. */
export function findNirs(text: string, limit = MAX_NIRS): NirMatch[] {
  const found: NirMatch[] = [];
  const len = text.length;
  // The engine's own search finds the runs long enough to hold a NIR (dates, phone numbers, amounts are skipped
  // natively); each run is then split into groups and checked here. The pattern has no nested repetition: linear.
  LONG_RUN.lastIndex = 0;
  for (let m = LONG_RUN.exec(text); m; m = LONG_RUN.exec(text)) {
    const i = m.index;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const glued = charClass[prev] === CLASS.LETTER || prev === 0x5f;
    let groups = 0;
    let chars = 0;
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
      ensureGroups(groups);
      groupStart[groups] = gs;
      groupEnd[groups] = j;
      groupUsable[groups] = !gluedAfter && !(groups === 0 && glued) ? 1 : 0;
      groups++;
      chars += j - gs;
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
    if (chars < 15 || (groups === 1 && chars !== 15)) continue;
    for (let g = 0; g < groups; g++) {
      let total = 0;
      for (let h = g; h < groups; h++) {
        if (!groupUsable[h]) break;
        total += groupEnd[h]! - groupStart[h]!;
        if (total === 15) {
          let compact = '';
          for (let x = g; x <= h; x++) compact += text.slice(groupStart[x]!, groupEnd[x]!);
          compact = compact.toUpperCase();
          if (checkMatriculeIns(compact).valid) {
            found.push({ start: groupStart[g]!, end: groupEnd[h]!, compact, grouped: h - g >= 3 });
            if (found.length >= limit) return found;
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
