// The list and the org policy the send check uses in Outlook: from the companion server that serves the add-in, when
// it answers in time, judged by the client layer (shared/client: a list that is not a liste blanche is refused, the
// policy merged key by key against the schema); otherwise the last good copies or the embedded snapshot and defaults.
// Never waits long: the whole send check has a budget (handlers.ts) and Outlook shows "taking longer" after 5 s.
import type { DomainSet } from '../../shared/whitelist/domain-set';
import type { OrgPolicy } from '../../shared/config/policy';
import { ListeBlancheSource, memoryListStore, type Fetch } from '../../shared/client/list-source';
import { effectiveSettings } from '../../shared/client/settings';
import { within } from '../../shared/client/within';

export const SERVER_TIMEOUT_MS = 1500;
const CACHE_MS = 10 * 60 * 1000;

export interface CheckState {
  whitelist: DomainSet;
  policy: OrgPolicy;
}

type FetchFn = (url: string, init: { credentials: 'omit'; signal?: AbortSignal }) => Promise<{ ok: boolean; status?: number; text(): Promise<string> }>;

let lists: ListeBlancheSource | undefined;
let policyCache: { at: number; base: string; managed: unknown } | undefined;

async function serverPolicy(base: string, fetchFn: FetchFn, now: number): Promise<unknown> {
  if (policyCache && policyCache.base === base && now - policyCache.at < CACHE_MS) return policyCache.managed;
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  try {
    const text = await within(
      fetchFn(`${base}/policy.json`, { credentials: 'omit', ...(controller ? { signal: controller.signal } : {}) }).then((res) =>
        res.ok ? res.text() : Promise.reject(new Error(`HTTP ${res.status ?? ''}`)),
      ),
      SERVER_TIMEOUT_MS,
    );
    const managed: unknown = JSON.parse(text);
    policyCache = { at: now, base, managed };
    return managed;
  } catch {
    controller?.abort();
    return policyCache?.managed;
  }
}

/** The list and policy to check with. `base` is the add-in's origin (the companion server), if known. */
export async function checkState(base: string | undefined, fetchFn: FetchFn | undefined, now = Date.now()): Promise<CheckState> {
  lists ??= new ListeBlancheSource(memoryListStore(), fetchFn as Fetch | undefined);
  if (!base || !fetchFn) return { whitelist: (await lists.current(undefined)).list, policy: effectiveSettings({}, {}).policy };
  const url = `${base}/api/liste-blanche`;
  const [managed] = await Promise.all([serverPolicy(base, fetchFn, now), lists.refreshIfDue(url, CACHE_MS, SERVER_TIMEOUT_MS)]);
  return { whitelist: (await lists.current(url)).list, policy: effectiveSettings(managed, {}).policy };
}

/** Forgets what the server said (tests). */
export function resetCheckState(): void {
  lists = undefined;
  policyCache = undefined;
}
