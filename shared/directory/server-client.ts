// DirectoryClient over the companion server's API (GET /api/directory/search). Fetch is injected by the host.
import type { DirectoryEntry } from '../model';
import { DirectoryError, type DirectoryClient, type DirectoryQuery, type DirectorySearchResult } from '../ports/directory-client';

export type FetchLike = (
  url: string,
  init?: { signal?: AbortSignal; headers?: Record<string, string>; credentials?: 'include' | 'omit' | 'same-origin'; mode?: 'cors' | 'no-cors' },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

const messages = {
  unreachable: {
    fr: 'Le serveur Vigie ne répond pas\u00a0: la recherche dans l’Annuaire Santé est indisponible.',
    en: 'The Vigie server does not answer: the Annuaire Santé search is unavailable.',
  },
  refused: {
    fr: 'Le serveur Vigie répond mais refuse les demandes de cette extension (CORS)\u00a0: son administrateur doit ajouter l’origine de l’extension à corsOrigins dans la configuration du serveur.',
    en: 'The Vigie server answers but refuses this extension’s requests (CORS): its administrator must add the extension’s origin to corsOrigins in the server configuration.',
  },
  'not-ready': {
    fr: 'L’annuaire est en cours de chargement sur le serveur Vigie\u202f; réessayez dans un instant.',
    en: 'The directory is still loading on the Vigie server; try again in a moment.',
  },
  'bad-request': { fr: 'Recherche refusée par le serveur Vigie.', en: 'The Vigie server refused the search.' },
  'bad-response': { fr: 'Réponse illisible du serveur Vigie.', en: 'Unreadable answer from the Vigie server.' },
  aborted: { fr: 'Recherche annulée.', en: 'Search cancelled.' },
} as const;

function isEntry(x: unknown): x is DirectoryEntry {
  const e = x as Partial<DirectoryEntry>;
  return !!e && typeof e.address === 'string' && typeof e.displayName === 'string' && typeof e.type === 'string';
}

export class ServerDirectoryClient implements DirectoryClient {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchFn: FetchLike,
  ) {}

  private base(): string {
    return this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`;
  }

  async search(query: DirectoryQuery, signal?: AbortSignal): Promise<DirectorySearchResult> {
    const u = new URL('api/directory/search', this.base());
    u.searchParams.set('q', query.q.slice(0, 200));
    if (query.limit) u.searchParams.set('limit', String(query.limit));
    if (query.type) u.searchParams.set('type', query.type);
    if (query.profession) u.searchParams.set('profession', query.profession);
    if (query.department) u.searchParams.set('department', query.department);
    let res;
    try {
      res = await this.fetchFn(u.toString(), { ...(signal ? { signal } : {}), credentials: 'omit' });
    } catch (e) {
      if ((e as { name?: string }).name === 'AbortError') throw new DirectoryError('aborted', messages.aborted);
      throw (await this.answersOpaquely(signal)) ? new DirectoryError('refused', messages.refused) : new DirectoryError('unreachable', messages.unreachable);
    }
    if (res.status === 503) throw new DirectoryError('not-ready', messages['not-ready']);
    if (res.status >= 400 && res.status < 500) throw new DirectoryError('bad-request', messages['bad-request']);
    if (!res.ok) throw new DirectoryError('unreachable', messages.unreachable);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new DirectoryError('bad-response', messages['bad-response']);
    }
    const results = (body as { results?: unknown }).results;
    if (!Array.isArray(results)) throw new DirectoryError('bad-response', messages['bad-response']);
    const { tookMs, didYouMean } = body as { tookMs?: unknown; didYouMean?: unknown };
    const hints = Array.isArray(didYouMean) ? didYouMean.filter((h): h is string => typeof h === 'string' && h.length > 0 && h.length <= 200).slice(0, 3) : [];
    return { results: results.filter(isEntry), ...(typeof tookMs === 'number' ? { tookMs } : {}), ...(hints.length ? { didYouMean: hints } : {}) };
  }

  /**
   * A browser reports a CORS refusal and a server that is down alike (a TypeError). A request the page may not read
   * (`no-cors`) for the server's icon, which any origin may load, still goes through when the server is up: then the
   * first failure was the server refusing this origin.
   */
  private async answersOpaquely(signal?: AbortSignal): Promise<boolean> {
    try {
      await this.fetchFn(new URL('favicon.svg', this.base()).toString(), { ...(signal ? { signal } : {}), credentials: 'omit', mode: 'no-cors' });
      return true;
    } catch {
      return false;
    }
  }
}
