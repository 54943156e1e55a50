// IHE MHD Document Consumer (ITI-67 Find Document References, ITI-68 Retrieve Document) over FHIR R4.
// Platform-blind: the host injects fetch and the bearer token. The token is sent only to the DI's own origin.
import type { Attachment, Bundle, Coding, DocumentReference, Identifier, Patient } from '@medplum/fhirtypes';
import {
  DocumentSourceError,
  type DocumentQuery,
  type DocumentSource,
  type DocumentSummary,
  type FetchedDocument,
  type FetchLike,
  type TokenProvider,
} from '../../ports/document-source';
import { base64ToBytes, bytesToBase64, sha1Bytes } from '../hash';
import { documentText, formatSize } from '../messages';
import { INS_OID, INS_OIDS } from '../patient';
import { TRE_A07 } from '../masking';
import { bytesToHex } from '@noble/hashes/utils';

export interface MhdClientOptions {
  /** FHIR base URL of the DI, e.g. `https://di.example.fr/fhir`. */
  baseUrl: string;
  fetch: FetchLike;
  token: TokenProvider;
  /** Refuse documents above this size (default 100 MB). */
  maxDocumentBytes?: number;
  /** Other origins the token may be sent to (a separate document store of the same DI). */
  trustedOrigins?: string[];
  /** Abort a request after this many milliseconds (default 60 s). */
  timeoutMs?: number;
}

const FHIR_JSON = 'application/fhir+json';

export class MhdClient implements DocumentSource {
  private readonly base: URL;
  private readonly origins: Set<string>;
  private readonly maxBytes: number;

  constructor(private readonly options: MhdClientOptions) {
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.origins = new Set([this.base.origin, ...(options.trustedOrigins ?? []).map((o) => new URL(o).origin)]);
    this.maxBytes = options.maxDocumentBytes ?? 100 * 1024 * 1024;
  }

  /** The ITI-67 query URL for a patient (INS via `patient.identifier`, always `status=current`). */
  searchUrl(query: DocumentQuery): URL {
    const url = new URL('DocumentReference', this.base);
    const p = query.patient;
    const identifier = 'ins' in p ? `urn:oid:${p.insOid ?? INS_OID.NIR}|${p.ins.trim().toUpperCase()}` : `${p.system}|${p.localId}`;
    url.searchParams.set('patient.identifier', identifier);
    url.searchParams.set('status', 'current');
    if (query.type) url.searchParams.set('type', `${query.type.system}|${query.type.code}`);
    if (query.dateFrom) url.searchParams.append('date', `ge${query.dateFrom}`);
    if (query.dateTo) url.searchParams.append('date', `lt${query.dateTo}`);
    if (query.pageSize) url.searchParams.set('_count', String(query.pageSize));
    return url;
  }

  async findDocuments(query: DocumentQuery): Promise<DocumentSummary[]> {
    const max = query.maxResults ?? 200;
    const out: DocumentSummary[] = [];
    const patients = new Map<string, Patient>();
    let next: URL | undefined = this.searchUrl(query);
    const seen = new Set<string>();
    while (next && out.length < max) {
      if (seen.has(next.href)) break; // a server looping on its own next link
      seen.add(next.href);
      const res = await this.request(next, FHIR_JSON);
      const bundle = (await this.json(res)) as Bundle;
      if (bundle.resourceType !== 'Bundle')
        throw new DocumentSourceError('bad-response', documentText('source.bad-response', { detail: `resourceType ${String(bundle.resourceType)}` }));
      for (const e of bundle.entry ?? []) if (e.resource?.resourceType === 'Patient' && e.resource.id) patients.set(`Patient/${e.resource.id}`, e.resource);
      for (const e of bundle.entry ?? []) {
        const r = e.resource;
        if (r?.resourceType !== 'DocumentReference' || (e.search?.mode && e.search.mode !== 'match')) continue;
        const s = summarise(r, patients, query);
        if (s) out.push(s);
        if (out.length >= max) break;
      }
      const link = bundle.link?.find((l) => l.relation === 'next')?.url;
      next = link ? new URL(link, this.base) : undefined;
    }
    return out;
  }

  async fetchDocument(summary: DocumentSummary): Promise<FetchedDocument> {
    if (!summary.url) throw new DocumentSourceError('no-content', documentText('source.no-content'));
    if (summary.size !== undefined && summary.size > this.maxBytes) throw this.tooLarge(summary.size);
    const url = new URL(summary.url, this.base);
    const res = await this.request(url, summary.contentType || '*/*');
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > this.maxBytes) throw this.tooLarge(declared);
    const bytes = await readBody(res, this.maxBytes, (n) => this.tooLarge(n));
    // A FHIR server may answer a Binary read with the resource in JSON instead of the raw bytes.
    const ct = res.headers.get('content-type') ?? '';
    const content = /fhir\+json|application\/json/.test(ct) && !/json/.test(summary.contentType) ? binaryData(bytes) : bytes;
    if (summary.size !== undefined && content.length !== summary.size) {
      throw new DocumentSourceError('size-mismatch', documentText('source.size-mismatch', { actual: content.length, expected: summary.size }));
    }
    const digest = sha1Bytes(content);
    if (summary.hash !== undefined) {
      const expected = base64ToBytes(summary.hash);
      if (!expected || bytesToBase64(expected) !== bytesToBase64(digest)) throw new DocumentSourceError('hash-mismatch', documentText('source.hash-mismatch'));
    }
    return { summary, bytes: content, sha1Hex: bytesToHex(digest) };
  }

  private tooLarge(size: number): DocumentSourceError {
    return new DocumentSourceError('too-large', documentText('source.too-large', { size: formatSize(size), limit: formatSize(this.maxBytes) }));
  }

  private async request(url: URL, accept: string): Promise<Response> {
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new DocumentSourceError('untrusted-url', documentText('source.untrusted-url', { origin: url.protocol }));
    const headers: Record<string, string> = { accept };
    if (this.origins.has(url.origin)) {
      const token = await this.options.token();
      if (token) headers.authorization = `Bearer ${token}`;
    } else {
      // Never hand the professional's token, nor the patient's identity in the query, to another server.
      throw new DocumentSourceError('untrusted-url', documentText('source.untrusted-url', { origin: url.origin }));
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 60_000);
    let res: Response;
    try {
      // A GET is retried once on a network failure: a kept-alive connection the server closed in the meantime
      // fails the first request that reuses it (undici), not the next one.
      res = await this.options.fetch(url.href, { method: 'GET', headers, signal: controller.signal }).catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') throw e;
        return this.options.fetch(url.href, { method: 'GET', headers, signal: controller.signal });
      });
    } catch (e) {
      clearTimeout(timer);
      throw new DocumentSourceError(
        'network',
        documentText('source.network', { detail: (e as Error).name === 'AbortError' ? 'timeout' : (e as Error).message }),
      );
    }
    clearTimeout(timer);
    if (res.ok) return res;
    const status = res.status;
    await res.body?.cancel().catch(() => undefined);
    if (status === 401) throw new DocumentSourceError('unauthorized', documentText('source.unauthorized'), status);
    if (status === 403) throw new DocumentSourceError('forbidden', documentText('source.forbidden'), status);
    if (status === 404 || status === 410) throw new DocumentSourceError('not-found', documentText('source.not-found'), status);
    throw new DocumentSourceError('bad-response', documentText('source.bad-response', { detail: `HTTP ${status}` }), status);
  }

  private async json(res: Response): Promise<unknown> {
    try {
      return await res.json();
    } catch {
      throw new DocumentSourceError('bad-response', documentText('source.bad-response', { detail: 'JSON' }));
    }
  }
}

/** Reads a response body, refusing past `max` bytes without buffering the rest. */
async function readBody(res: Response, max: number, tooLarge: (n: number) => Error): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(total);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

function binaryData(json: Uint8Array): Uint8Array {
  let parsed: { resourceType?: string; data?: string };
  try {
    parsed = JSON.parse(new TextDecoder().decode(json)) as typeof parsed;
  } catch {
    throw new DocumentSourceError('bad-response', documentText('source.bad-response', { detail: 'Binary JSON' }));
  }
  const bytes = parsed.resourceType === 'Binary' && parsed.data ? base64ToBytes(parsed.data) : null;
  if (!bytes) throw new DocumentSourceError('bad-response', documentText('source.bad-response', { detail: 'Binary without data' }));
  return bytes;
}

function coded(c: Coding | undefined): (DocumentSummary['type'] & object) | undefined {
  if (!c?.code) return undefined;
  const system = c.system ?? '';
  return { code: c.code, system, codingScheme: oidOf(system), display: c.display ?? c.code };
}

/** OIDs of the code systems French DIs name by URL (NOS terminologies in FHIR form, LOINC). */
const SYSTEM_OIDS: Record<string, string> = {
  'http://loinc.org': '2.16.840.1.113883.6.1',
  'https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument': '1.2.250.1.213.1.1.4.1',
  'https://mos.esante.gouv.fr/NOS/TRE_A11-IheFormatCode/FHIR/TRE-A11-IheFormatCode': '1.3.6.1.4.1.19376.1.2.3',
  'https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite': '1.2.250.1.71.4.2.4',
  'https://mos.esante.gouv.fr/NOS/TRE_A01-CadreExercice/FHIR/TRE-A01-CadreExercice': '1.2.250.1.213.1.1.4.9',
  'https://mos.esante.gouv.fr/NOS/TRE_A05-TypeDocComplementaire/FHIR/TRE-A05-TypeDocComplementaire': '1.2.250.1.213.1.1.4.12',
  'http://terminology.hl7.org/CodeSystem/v3-Confidentiality': '2.16.840.1.113883.5.25',
};

/** `urn:oid:1.2.3` → `1.2.3`; a known URL → its OID; other systems unchanged. */
export function oidOf(system: string): string {
  if (system.startsWith('urn:oid:')) return system.slice(8);
  return SYSTEM_OIDS[system] ?? system;
}

function insFrom(ids: Identifier[] | undefined): DocumentSummary['patient']['ins'] {
  const id = ids?.find((i) => i.system && INS_OIDS.includes(oidOf(i.system)) && i.value);
  return id ? { matricule: id.value!, oid: oidOf(id.system!) as (typeof INS_OID)[keyof typeof INS_OID], qualified: false } : undefined;
}

/** TRE_A07 visibility codes among the DocumentReference's security labels (MHD carries the XDS confidentialityCode there). */
function visibility(r: DocumentReference): { securityLabels?: string[] } {
  const codes = (r.securityLabel ?? [])
    .flatMap((c) => c.coding ?? [])
    .filter((c) => !!c.code && (oidOf(c.system ?? '') === TRE_A07 || /TRE_A07|TRE-A07/.test(c.system ?? '')))
    .map((c) => c.code!);
  return codes.length ? { securityLabels: codes } : {};
}

function summarise(r: DocumentReference, patients: Map<string, Patient>, query: DocumentQuery): DocumentSummary | undefined {
  const content = r.content?.find((c) => c.attachment?.url) ?? r.content?.[0];
  const a: Attachment | undefined = content?.attachment;
  if (!r.id || !a?.url) return undefined;
  // Who the record files the document under: the subject's identifier, an included Patient, else the query.
  const subject = r.subject;
  const included = subject?.reference ? patients.get(subject.reference) : undefined;
  const ins = insFrom(subject?.identifier ? [subject.identifier] : undefined) ?? insFrom(included?.identifier);
  const patient: DocumentSummary['patient'] = ins
    ? { ins }
    : 'ins' in query.patient
      ? { ins: { matricule: query.patient.ins, qualified: false } }
      : { ipp: { value: query.patient.localId, oid: oidOf(query.patient.system) } };
  const uniqueId = r.masterIdentifier?.value?.replace(/^urn:oid:/, '');
  return {
    id: r.id,
    title: a.title ?? r.description ?? r.type?.text ?? r.type?.coding?.[0]?.display ?? 'Document',
    status: r.status ?? 'current',
    date: r.date ?? a.creation,
    type: coded(r.type?.coding?.[0]),
    classCode: coded(r.category?.[0]?.coding?.[0]),
    formatCode: coded(content?.format),
    facilityType: coded(r.context?.facilityType?.coding?.[0]),
    practiceSetting: coded(r.context?.practiceSetting?.coding?.[0]),
    ...(r.context?.period
      ? { period: { ...(r.context.period.start ? { start: r.context.period.start } : {}), ...(r.context.period.end ? { end: r.context.period.end } : {}) } }
      : {}),
    ...visibility(r),
    contentType: a.contentType ?? 'application/octet-stream',
    url: a.url,
    size: typeof a.size === 'number' ? a.size : undefined,
    hash: a.hash,
    uniqueId,
    patient,
  };
}
