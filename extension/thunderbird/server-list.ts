// The fresher liste blanche from the companion server (which verified its signature), kept in storage.local so a
// send is never held up by the network: each check uses what is cached and, when it is older than an hour, asks the
// server again in the background. Without a server, or while it does not answer, the embedded snapshot is used.
import { DomainSet } from '../../shared/whitelist/domain-set';
import { embeddedDomainSet } from '../../shared/whitelist/embedded';
import type { StorageArea } from './messenger';

export const SERVER_LIST_KEY = 'vigie.liste-blanche';
export const REFRESH_AFTER_MS = 60 * 60 * 1000;
const TIMEOUT_MS = 8000;

interface CachedList {
  url: string;
  at: number;
  generatedAt: string;
  signer: string;
  fetchedAt?: string;
  domains: string[];
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** The list's address: the policy's whitelist.serverUrl, else the companion server's API. */
export function listUrl(serverUrl: string, policyListUrl: string | undefined): string | undefined {
  if (policyListUrl) return policyListUrl;
  return serverUrl ? new URL('api/liste-blanche', serverUrl).toString() : undefined;
}

function parse(json: unknown, url: string, at: number): CachedList | undefined {
  const j = json as { generatedAt?: unknown; signer?: unknown; fetchedAt?: unknown; domains?: unknown };
  if (!j || typeof j.generatedAt !== 'string' || Number.isNaN(Date.parse(j.generatedAt)) || !Array.isArray(j.domains)) return undefined;
  const domains = j.domains.filter((d): d is string => typeof d === 'string' && /^[a-z0-9.-]+$/.test(d));
  if (domains.length === 0) return undefined;
  return { url, at, generatedAt: j.generatedAt, signer: typeof j.signer === 'string' ? j.signer : '', ...(typeof j.fetchedAt === 'string' ? { fetchedAt: j.fetchedAt } : {}), domains };
}

export class ServerList {
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly area: StorageArea & { set(i: Record<string, unknown>): Promise<void> },
    private readonly fetchFn: Fetch,
    private readonly now: () => number = Date.now,
  ) {}

  private async cached(url: string): Promise<CachedList | undefined> {
    try {
      const c = (await this.area.get(SERVER_LIST_KEY))[SERVER_LIST_KEY] as CachedList | undefined;
      return c && c.url === url ? c : undefined;
    } catch {
      return undefined;
    }
  }

  /** Asks the server now; keeps the previous copy when it fails or sends an older list. */
  refresh(url: string): Promise<void> {
    this.inFlight ??= (async () => {
      try {
        const res = await this.fetchFn(url, { credentials: 'omit', signal: AbortSignal.timeout(TIMEOUT_MS) });
        if (!res.ok) return;
        const fresh = parse(await res.json(), url, this.now());
        const previous = await this.cached(url);
        if (fresh && (!previous || Date.parse(fresh.generatedAt) >= Date.parse(previous.generatedAt))) await this.area.set({ [SERVER_LIST_KEY]: fresh });
      } catch {
        // Unreachable server: the cached or embedded list stays in use.
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }

  /** The list to check with now: the cached server copy when newer than the embedded one. Never waits on the network. */
  async domainSet(url: string | undefined): Promise<DomainSet> {
    const embedded = embeddedDomainSet();
    if (!url) return embedded;
    const c = await this.cached(url);
    if (!c || this.now() - c.at > REFRESH_AFTER_MS) void this.refresh(url);
    if (!c || Date.parse(c.generatedAt) < Date.parse(embedded.info.generatedAt)) return embedded;
    return new DomainSet(c.domains, { generatedAt: c.generatedAt, signer: c.signer, source: 'server', ...(c.fetchedAt ? { fetchedAt: c.fetchedAt } : {}) });
  }
}
