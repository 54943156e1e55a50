// The patient record (DI) through the companion server: the document list of one patient (by INS) and the bytes of
// one document, checked against the SHA-1 the server states.
import type { DocumentSummary } from '../../shared/ports/document-source';
import { sha1Hex } from '../../shared/documents/hash';
import { ServerDocumentApi } from '../../shared/documents/server-api';
import type { XdmAuthor } from '../../shared/documents';

export interface DocumentsApi {
  listDocuments(ins: string): Promise<DocumentSummary[]>;
  fetchDocument(ins: string, id: string): Promise<Uint8Array>;
  /** The Pro Santé Connect identity logged in on the server (the documents' sender). */
  getAuthor(): Promise<XdmAuthor | undefined>;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

async function failure(res: Response): Promise<Error> {
  let detail = `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    if (body.error?.message) detail = body.error.message;
  } catch {
    // Not JSON: the status says enough.
  }
  return new Error(detail);
}

export function serverDocumentsApi(serverUrl: string, fetchFn: Fetch): DocumentsApi {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  const session = new ServerDocumentApi(serverUrl, fetchFn as never);
  return {
    getAuthor: () => session.getAuthor(),
    async listDocuments(ins) {
      const u = new URL('api/di/documents', base);
      u.searchParams.set('ins', ins);
      const res = await fetchFn(u.toString(), { credentials: 'include' });
      if (!res.ok) throw await failure(res);
      const body = (await res.json()) as { documents?: DocumentSummary[] };
      if (!Array.isArray(body.documents)) throw new Error('unreadable answer from the Vigie server');
      return body.documents;
    },
    async fetchDocument(ins, id) {
      const u = new URL(`api/di/documents/${encodeURIComponent(id)}`, base);
      u.searchParams.set('ins', ins);
      const res = await fetchFn(u.toString(), { credentials: 'include' });
      if (!res.ok) throw await failure(res);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const stated = res.headers.get('x-document-sha1');
      if (stated && stated.toLowerCase() !== sha1Hex(bytes)) throw new Error('the document changed on its way (SHA-1 mismatch): not attached');
      return bytes;
    },
  };
}
