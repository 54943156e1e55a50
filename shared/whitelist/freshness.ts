// Age is separate from trust: a verified list older than the policy's maximum age is stale, never passed off as fresh.
import type { DomainSet } from './domain-set';

export interface Freshness {
  ageDays: number;
  stale: boolean;
}

const DAY = 86_400_000;

export function freshness(set: DomainSet, maxAgeDays: number, now: Date): Freshness {
  const generated = Date.parse(set.info.generatedAt);
  const ageDays = Number.isFinite(generated) ? Math.max(0, Math.floor((now.getTime() - generated) / DAY)) : Number.POSITIVE_INFINITY;
  return { ageDays, stale: !(ageDays <= maxAgeDays) };
}

/**
 * Picks the list to check against among verified candidates: the freshest one that is not stale, otherwise the
 * freshest stale one (the last resort, reported as stale).
 */
export function chooseList(candidates: readonly DomainSet[], maxAgeDays: number, now: Date): { set: DomainSet; freshness: Freshness } | undefined {
  const ranked = [...candidates].sort((a, b) => Date.parse(b.info.generatedAt) - Date.parse(a.info.generatedAt));
  const best = ranked[0];
  return best ? { set: best, freshness: freshness(best, maxAgeDays, now) } : undefined;
}
