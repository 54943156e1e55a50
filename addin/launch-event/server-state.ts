// The fresher liste blanche and the org policy, from the companion server that serves the add-in, when it answers
// in time; otherwise the embedded snapshot and the embedded defaults (block mode). Never waits long: Outlook shows
// its "taking longer" dialog after 5 s.
import { DomainSet } from '../../shared/whitelist/domain-set';
import { embeddedDomainSet } from '../../shared/whitelist/embedded';
import { defaultPolicy, type OrgPolicy } from '../../shared/config/policy';

export const SERVER_TIMEOUT_MS = 1500;
const CACHE_MS = 10 * 60 * 1000;

type FetchFn = (url: string, init?: { signal?: AbortSignal; credentials?: 'omit' }) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

export interface CheckState {
  whitelist: DomainSet;
  policy: OrgPolicy;
  source: 'server' | 'embedded';
}

let cache: { at: number; base: string; state: CheckState } | undefined;

function withTimeout<T>(p: Promise<T>, ms: number, abort: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      abort();
      reject(new Error('timeout'));
    }, ms);
    p.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e) => { clearTimeout(timer); reject(e); },
    );
  });
}

function mergePolicy(json: unknown): OrgPolicy {
  const base = defaultPolicy();
  if (!json || typeof json !== 'object') return base;
  const p = json as Partial<OrgPolicy>;
  // The server validated the policy against the schema before publishing it; keep only well-typed values.
  return {
    ...base,
    ...(p.mode === 'block' || p.mode === 'warn' || p.mode === 'audit' ? { mode: p.mode } : {}),
    audit: { ...base.audit, ...(p.audit ?? {}) },
    ...(Array.isArray(p.internalDomains) ? { internalDomains: p.internalDomains.filter((d) => typeof d === 'string') } : {}),
    ...(p.internalRecipients ? { internalRecipients: p.internalRecipients } : {}),
    ...(Array.isArray(p.allowedDomains) ? { allowedDomains: p.allowedDomains } : {}),
    ...(Array.isArray(p.refusedDomains) ? { refusedDomains: p.refusedDomains } : {}),
    ...(Array.isArray(p.consumerDomains) ? { consumerDomains: p.consumerDomains } : {}),
    ...(p.patientAddresses ? { patientAddresses: p.patientAddresses } : {}),
    ...(p.distributionLists ? { distributionLists: p.distributionLists } : {}),
    healthData: { ...base.healthData, ...(p.healthData ?? {}) },
    whitelist: { ...base.whitelist, ...(p.whitelist ?? {}) },
    documents: { ...base.documents, ...(p.documents ?? {}) },
    messages: { ...(p.messages ?? {}) },
    ...(typeof p.helpdesk === 'string' ? { helpdesk: p.helpdesk } : {}),
  };
}

function listOf(json: unknown): DomainSet | undefined {
  const j = json as { generatedAt?: unknown; signer?: unknown; fetchedAt?: unknown; domains?: unknown };
  if (!j || typeof j.generatedAt !== 'string' || !Array.isArray(j.domains) || j.domains.length === 0) return undefined;
  const domains = j.domains.filter((d): d is string => typeof d === 'string' && /^[a-z0-9.-]+$/.test(d));
  return new DomainSet(domains, { generatedAt: j.generatedAt, signer: typeof j.signer === 'string' ? j.signer : '', source: 'server', ...(typeof j.fetchedAt === 'string' ? { fetchedAt: j.fetchedAt } : {}) });
}

/** The list and policy to check with. `base` is the add-in's origin (the companion server), if known. */
export async function checkState(base: string | undefined, fetchFn: FetchFn | undefined, now = Date.now()): Promise<CheckState> {
  const fallback: CheckState = { whitelist: embeddedDomainSet(), policy: defaultPolicy(), source: 'embedded' };
  if (!base || !fetchFn) return fallback;
  if (cache && cache.base === base && now - cache.at < CACHE_MS) return cache.state;
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const get = (path: string) =>
    fetchFn(`${base}${path}`, { credentials: 'omit', ...(controller ? { signal: controller.signal } : {}) }).then((r) => (r.ok ? r.json() : Promise.reject(new Error('http'))));
  try {
    const [list, policy] = await withTimeout(Promise.all([get('/api/liste-blanche'), get('/policy.json').catch(() => undefined)]), SERVER_TIMEOUT_MS, () => controller?.abort());
    const fresh = listOf(list);
    const embedded = embeddedDomainSet();
    const whitelist = fresh && Date.parse(fresh.info.generatedAt) >= Date.parse(embedded.info.generatedAt) ? fresh : embedded;
    const state: CheckState = { whitelist, policy: mergePolicy(policy), source: 'server' };
    cache = { at: now, base, state };
    return state;
  } catch {
    return fallback;
  }
}

/** Forgets what the server said (tests). */
export function resetCheckState(): void {
  cache = undefined;
}
