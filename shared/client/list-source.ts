// Which liste blanche a client checks with: the embedded snapshot (verified at build time), or the companion server's
// copy (which the server verified), kept as the last good list. A server answer is taken only when it passes the
// invariants below; otherwise it is refused with a notice and the previous list stays in use. No list, from anywhere,
// can make a consumer (Gmail-type) domain an MSSanté one: a signed liste blanche never holds one.
import type { LocalizedText } from '../model';
import { DomainSet } from '../whitelist/domain-set';
import { embeddedDomainSet } from '../whitelist/embedded';
import { consumerProvider } from '../recipient-policy/consumer';
import { fill } from '../i18n/messages';
import { within } from './within';

/** A server list with fewer domains than this share of the embedded one is suspicious (lists grow slowly). */
export const MIN_SHARE_OF_EMBEDDED = 0.5;
/** A list dated this far in the future is suspicious (clock skew allowed). */
const FUTURE_SKEW_MS = 2 * 86_400_000;

export type ListRefusal = 'not-json' | 'wrong-shape' | 'malformed-domain' | 'too-few' | 'consumer-domain' | 'future' | 'older';

/** What a client keeps of a server list between checks. */
export interface StoredList {
  url: string;
  /** When it was received (ms since epoch). */
  at: number;
  generatedAt: string;
  signer: string;
  fetchedAt?: string;
  domains: string[];
}

/** Where a client keeps the last good server list (storage.local, OfficeRuntime.storage, memory). */
export interface ListStore {
  get(): Promise<StoredList | undefined>;
  set(list: StoredList): Promise<void>;
}

export type Fetch = (url: string, init: { credentials: 'omit'; signal?: AbortSignal }) => Promise<{ ok: boolean; status?: number; text(): Promise<string> }>;

/** How long a stored server copy is used before the server is asked again (in the background). */
export const REFRESH_AFTER_MS = 60 * 60 * 1000;
/** How long a background refresh may take. */
const BACKGROUND_TIMEOUT_MS = 8000;

/** The list's address: the policy's `whitelist.serverUrl`, else the companion server's API. */
export function listUrl(serverUrl: string, policyListUrl: string | undefined): string | undefined {
  if (policyListUrl) return policyListUrl;
  return serverUrl ? new URL('api/liste-blanche', serverUrl).toString() : undefined;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/**
 * Judges a server answer against the list in use (`previous`, else the embedded snapshot). Returns the list to keep,
 * or why it is refused.
 */
export function judgeServerList(
  body: string,
  url: string,
  previous: DomainSet,
  now: number,
): { ok: true; list: StoredList } | { ok: false; reason: ListRefusal; detail?: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const j = json as { generatedAt?: unknown; signer?: unknown; fetchedAt?: unknown; domains?: unknown };
  if (!j || typeof j !== 'object' || typeof j.generatedAt !== 'string' || Number.isNaN(Date.parse(j.generatedAt)) || !Array.isArray(j.domains))
    return { ok: false, reason: 'wrong-shape' };
  const bad = j.domains.find((d) => typeof d !== 'string' || !DOMAIN.test(d));
  if (bad !== undefined) return { ok: false, reason: 'malformed-domain', detail: String(bad).slice(0, 80) };
  const domains = j.domains as string[];
  const consumer = domains.find((d) => consumerProvider(d));
  if (consumer) return { ok: false, reason: 'consumer-domain', detail: consumer };
  const embedded = embeddedDomainSet();
  if (new Set(domains).size < embedded.size * MIN_SHARE_OF_EMBEDDED) return { ok: false, reason: 'too-few', detail: `${domains.length}` };
  const generated = Date.parse(j.generatedAt);
  if (generated > now + FUTURE_SKEW_MS) return { ok: false, reason: 'future', detail: j.generatedAt };
  if (generated < Date.parse(previous.info.generatedAt)) return { ok: false, reason: 'older', detail: j.generatedAt };
  return {
    ok: true,
    list: {
      url,
      at: now,
      generatedAt: j.generatedAt,
      signer: typeof j.signer === 'string' ? j.signer : '',
      ...(typeof j.fetchedAt === 'string' ? { fetchedAt: j.fetchedAt } : {}),
      domains,
    },
  };
}

function toDomainSet(s: StoredList): DomainSet {
  return new DomainSet(s.domains, { generatedAt: s.generatedAt, signer: s.signer, source: 'server', ...(s.fetchedAt ? { fetchedAt: s.fetchedAt } : {}) });
}

const REFUSALS: Record<ListRefusal, LocalizedText> = {
  'not-json': {
    fr: 'La liste blanche du serveur Vigie est illisible : la liste précédente reste utilisée.',
    en: 'The Vigie server’s liste blanche is unreadable: the previous list stays in use.',
  },
  'wrong-shape': {
    fr: 'La liste blanche du serveur Vigie n’a pas la forme attendue : la liste précédente reste utilisée.',
    en: 'The Vigie server’s liste blanche does not have the expected shape: the previous list stays in use.',
  },
  'malformed-domain': {
    fr: 'La liste blanche du serveur Vigie contient un nom de domaine invalide ({detail}) : la liste précédente reste utilisée.',
    en: 'The Vigie server’s liste blanche holds an invalid domain name ({detail}): the previous list stays in use.',
  },
  'too-few': {
    fr: 'La liste blanche du serveur Vigie est anormalement courte ({detail} domaines) : la liste précédente reste utilisée.',
    en: 'The Vigie server’s liste blanche is abnormally short ({detail} domains): the previous list stays in use.',
  },
  'consumer-domain': {
    fr: 'La liste blanche du serveur Vigie contient une messagerie grand public ({detail}) : refusée, la liste précédente reste utilisée.',
    en: 'The Vigie server’s liste blanche holds a consumer mail domain ({detail}): refused, the previous list stays in use.',
  },
  future: {
    fr: 'La liste blanche du serveur Vigie est datée dans le futur ({detail}) : la liste précédente reste utilisée.',
    en: 'The Vigie server’s liste blanche is dated in the future ({detail}): the previous list stays in use.',
  },
  older: {
    fr: 'La liste blanche du serveur Vigie est plus ancienne que celle en usage ({detail}) : celle-ci reste utilisée.',
    en: 'The Vigie server’s liste blanche is older than the one in use ({detail}): that one stays in use.',
  },
};

/** A notice the hosts show (options page, health line) when the server's list was refused. */
export function refusalNotice(reason: ListRefusal, detail?: string): LocalizedText {
  const text = REFUSALS[reason];
  return { fr: fill(text.fr, { detail: detail ?? '' }), en: fill(text.en, { detail: detail ?? '' }) };
}

export interface ListState {
  list: DomainSet;
  /** Set when the last server answer was refused: the list in use is the previous one. */
  refused?: { reason: ListRefusal; detail?: string; at: number };
}

/**
 * The list source of one client. `current()` never waits on the network; `refresh()` asks the server (bounded by
 * `timeoutMs`) and keeps the previous list on any failure.
 */
export class ListeBlancheSource {
  private refused: ListState['refused'];
  private inFlight: Promise<void> | undefined;
  private memo: { stored: StoredList; set: DomainSet } | undefined;

  constructor(
    private readonly store: ListStore,
    private readonly fetchFn: Fetch | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** The list to check with now: the stored server copy for this URL when it is not older than the embedded one. */
  async current(url: string | undefined): Promise<ListState> {
    const embedded = embeddedDomainSet();
    const stored = url ? await this.store.get().catch(() => undefined) : undefined;
    let list = embedded;
    if (stored && stored.url === url && Date.parse(stored.generatedAt) >= Date.parse(embedded.info.generatedAt)) {
      if (this.memo?.stored !== stored) this.memo = { stored, set: toDomainSet(stored) };
      list = this.memo.set;
    }
    return { list, ...(this.refused ? { refused: this.refused } : {}) };
  }

  /**
   * The list for a check that must not wait (Thunderbird, webmail): what `current()` gives, and a refresh started in
   * the background when the stored copy is missing or older than REFRESH_AFTER_MS.
   */
  async forCheck(url: string | undefined): Promise<ListState> {
    if (url) void this.refreshIfDue(url, REFRESH_AFTER_MS, BACKGROUND_TIMEOUT_MS);
    return this.current(url);
  }

  /** Asks the server when the stored copy for `url` is missing or older than `maxAgeMs`; resolves when done. */
  async refreshIfDue(url: string, maxAgeMs: number, timeoutMs: number): Promise<void> {
    const stored = await this.store.get().catch(() => undefined);
    if (!stored || stored.url !== url || this.now() - stored.at > maxAgeMs) await this.refresh(url, timeoutMs);
  }

  /** Asks the server once (concurrent calls share the request); resolves when done or after `timeoutMs`. */
  refresh(url: string, timeoutMs: number): Promise<void> {
    this.inFlight ??= this.fetchAndJudge(url, timeoutMs).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async fetchAndJudge(url: string, timeoutMs: number): Promise<void> {
    if (!this.fetchFn) return;
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    let body: string;
    try {
      const fetchFn = this.fetchFn;
      body = await within(
        (async () => {
          const res = await fetchFn(url, { credentials: 'omit', ...(controller ? { signal: controller.signal } : {}) });
          if (!res.ok) throw new Error(`HTTP ${res.status ?? ''}`);
          return res.text();
        })(),
        timeoutMs,
      );
    } catch {
      // Unreachable or too slow: nothing to judge, the list in use stays (the server's health page tells IT).
      controller?.abort();
      return;
    }
    const { list: previous } = await this.current(url);
    const verdict = judgeServerList(body, url, previous, this.now());
    if (verdict.ok) {
      this.refused = undefined;
      await this.store.set(verdict.list);
    } else if (verdict.reason !== 'older') {
      this.refused = { reason: verdict.reason, ...(verdict.detail ? { detail: verdict.detail } : {}), at: this.now() };
    }
  }
}

/** A store kept in memory (Outlook's event runtime between two sends of the same session; tests). */
export function memoryListStore(): ListStore {
  let value: StoredList | undefined;
  return {
    get: () => Promise.resolve(value),
    set: (v) => {
      value = v;
      return Promise.resolve();
    },
  };
}
