// Domains that imitate a listed MSSanté domain: an unlisted *.mssante.fr, homoglyphs (IDN), extra labels or TLDs,
// and one- or two-letter typos.
import { foldHomoglyphs } from './homoglyphs';
import { domainToUnicode } from './idna';
import type { Lookalike } from '../model';
import type { DomainSet } from '../whitelist/domain-set';

const MSSANTE = 'mssante.fr';

/** Combining marks (the blocks NFKD leaves accents in), written without \p{M} so that ES2016 engines parse it. */
const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Skeleton for comparing domains visually: confusables folded, accents dropped, rn→m, digits that pass as letters. */
function skeleton(domain: string): string {
  const folded = foldHomoglyphs(domain.normalize('NFKC').toLowerCase()).normalize('NFKD').replace(COMBINING_MARKS, '');
  return folded.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/0/g, 'o').replace(/[1|]/g, 'l').replace(/_/g, '-');
}

/** Optimal string alignment distance, abandoned as soon as it exceeds `max`. */
export function boundedDistance(a0: string, b0: string, max: number): number {
  if (Math.abs(a0.length - b0.length) > max) return max + 1;
  // Common prefix and suffix do not change the distance; most listed names share ".mssante.fr" with the candidate.
  let start = 0;
  while (start < a0.length && start < b0.length && a0.charCodeAt(start) === b0.charCodeAt(start)) start++;
  let endA = a0.length;
  let endB = b0.length;
  while (endA > start && endB > start && a0.charCodeAt(endA - 1) === b0.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  // Keep one character of context on each side so that a transposition across the cut is still seen.
  const from = Math.max(0, start - 1);
  const a = a0.slice(from, Math.min(a0.length, endA + 1));
  const b = b0.slice(from, Math.min(b0.length, endB + 1));
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

const skeletonCache = new WeakMap<DomainSet, Map<string, string>>();
function skeletons(set: DomainSet): Map<string, string> {
  let m = skeletonCache.get(set);
  if (!m) {
    m = new Map();
    for (const d of set.domains) m.set(skeleton(d), d);
    skeletonCache.set(set, m);
  }
  return m;
}

function closestListed(domain: string, set: DomainSet, max: number): string | undefined {
  let best: string | undefined;
  let bestD = max + 1;
  for (const d of set.domains) {
    const dist = boundedDistance(domain, d, Math.min(max, bestD - 1));
    if (dist < bestD) {
      bestD = dist;
      best = d;
      if (dist === 1) break;
    }
  }
  return bestD <= max ? best : undefined;
}

const verdictCache = new WeakMap<DomainSet, Map<string, Lookalike | null>>();
const CACHE_SIZE = 2000;

/**
 * Says whether an unlisted domain (normalised ASCII form) imitates a listed one. Returns undefined for ordinary
 * domains (gmail.com, chu-exemple.fr). Answers are remembered per list (a user writes to the same domains again).
 */
export function detectLookalike(domain: string, set: DomainSet): Lookalike | undefined {
  let cache = verdictCache.get(set);
  if (!cache) verdictCache.set(set, (cache = new Map()));
  const known = cache.get(domain);
  if (known !== undefined) return known ?? undefined;
  const found = computeLookalike(domain, set);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(domain, found ?? null);
  return found;
}

function computeLookalike(domain: string, set: DomainSet): Lookalike | undefined {
  if (set.has(domain)) return undefined;
  const unicode = domain.includes('xn--') ? domainToUnicode(domain) : domain;

  // 1. Homoglyphs and other visual tricks: the skeleton matches a listed domain.
  const listedBySkeleton = skeletons(set).get(skeleton(unicode));
  if (listedBySkeleton && listedBySkeleton !== domain) return { kind: 'homoglyph', resembles: listedBySkeleton };

  // 2. A listed domain followed by more labels (medecin.mssante.fr.example.com) or with its TLD swapped.
  const labels = domain.split('.');
  for (let i = labels.length - 1; i >= 2; i--) {
    const prefix = labels.slice(0, i).join('.');
    if (set.has(prefix)) return { kind: 'extra-label', resembles: prefix };
  }
  const withoutTld = labels.slice(0, -1).join('.');
  if (labels.length >= 3 && set.has(`${withoutTld.replace(/\.mssante$/, '')}.mssante.fr`) && withoutTld.endsWith('.mssante')) {
    return { kind: 'extra-label', resembles: `${withoutTld}.fr` };
  }

  // 3. Any *.mssante.fr that is not listed is not in the space, whatever its name says.
  if (domain === MSSANTE || domain.endsWith(`.${MSSANTE}`)) {
    const near = domain === MSSANTE ? undefined : closestListed(domain, set, 2);
    return { kind: 'unlisted-mssante-subdomain', resembles: near ?? domain };
  }

  // 4. Typos of a listed domain, and names that spell "mssante" another way (msante, mssanté, mss-ante…).
  const mssanteLike = unicode.split('.').some((label) => /m+s+a+n+t+e/.test(skeleton(label).replace(/-/g, '')));
  const near = closestListed(domain, set, mssanteLike ? 2 : 1);
  if (near) return { kind: 'typo', resembles: near };
  if (mssanteLike && !domain.endsWith('.apicrypt.org')) {
    return { kind: 'typo', resembles: closestListed(domain, set, 6) ?? MSSANTE };
  }
  return undefined;
}
