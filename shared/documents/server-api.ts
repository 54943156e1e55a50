// The document chooser's API over the companion server's DI proxy (GET /api/di/documents?ins=…, …/:id?ins=…).
// The server holds the DI credentials and the Pro Santé Connect session (a cookie); fetch is injected by the host.
import { DocumentSourceError, type DocumentSummary } from '../ports/document-source';
import { authorOfProfessional } from '../psc/author';
import type { PscProfessional } from '../psc/claims';
import type { XdmAuthor } from './xdm-types';

export type DocumentFetch = (
  url: string,
  init?: { credentials?: 'include' | 'same-origin' | 'omit' },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; arrayBuffer(): Promise<ArrayBuffer> }>;

const texts = {
  unauthorized: { fr: 'Connectez-vous avec Pro Santé Connect pour lire le dossier patient.', en: 'Log in with Pro Santé Connect to read the patient record.' },
  forbidden: { fr: 'Accès au dossier de ce patient refusé.', en: 'Access to this patient’s record was refused.' },
  'not-found': { fr: 'Document introuvable dans le dossier patient.', en: 'Document not found in the patient record.' },
  network: { fr: 'Le serveur Vigie ne répond pas.', en: 'The Vigie server does not answer.' },
  'bad-response': { fr: 'Réponse illisible du serveur Vigie.', en: 'Unreadable answer from the Vigie server.' },
} as const;

function fail(status: number): never {
  if (status === 401) throw new DocumentSourceError('unauthorized', texts.unauthorized, status);
  if (status === 403) throw new DocumentSourceError('forbidden', texts.forbidden, status);
  if (status === 404) throw new DocumentSourceError('not-found', texts['not-found'], status);
  throw new DocumentSourceError('bad-response', texts['bad-response'], status);
}

export class ServerDocumentApi {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchFn: DocumentFetch,
  ) {}

  private url(path: string, ins: string): string {
    const u = new URL(path, this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    u.searchParams.set('ins', ins);
    return u.toString();
  }

  private async get(url: string) {
    try {
      return await this.fetchFn(url, { credentials: 'include' });
    } catch {
      throw new DocumentSourceError('network', texts.network);
    }
  }

  async listDocuments(ins: string): Promise<DocumentSummary[]> {
    const res = await this.get(this.url('api/di/documents', ins));
    if (!res.ok) fail(res.status);
    const body = (await res.json().catch(() => null)) as { documents?: unknown } | null;
    if (!body || !Array.isArray(body.documents)) throw new DocumentSourceError('bad-response', texts['bad-response']);
    return body.documents as DocumentSummary[];
  }

  /** The logged-in professional (Pro Santé Connect, through the server's session) as the documents' sender; undefined when not logged in. */
  async getAuthor(): Promise<XdmAuthor | undefined> {
    const u = new URL('api/psc/session', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    try {
      const res = await this.fetchFn(u.toString(), { credentials: 'include' });
      if (!res.ok) return undefined;
      const body = (await res.json()) as { loggedIn?: boolean; professional?: PscProfessional };
      return body.loggedIn && body.professional?.nationalId ? authorOfProfessional(body.professional) : undefined;
    } catch {
      return undefined;
    }
  }

  async fetchDocument(ins: string, id: string): Promise<Uint8Array> {
    const res = await this.get(this.url(`api/di/documents/${encodeURIComponent(id)}`, ins));
    if (!res.ok) fail(res.status);
    return new Uint8Array(await res.arrayBuffer());
  }
}
