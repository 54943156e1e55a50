// The port through which a host reads documents from the patient record (DI). The core's implementation is the
// IHE MHD client (shared/documents/mhd); hosts supply its fetch and the bearer token.
import type { LocalizedText } from '../model';
import type { Coded } from '../documents/codes';
import type { PatientIdentity } from '../documents/patient';

/** Whom to search for: the INS (preferred) or the DI's local id. */
export type PatientRef = { ins: string; insOid?: string } | { localId: string; system: string };

export interface DocumentQuery {
  patient: PatientRef;
  /** Document type (`system|code`, e.g. LOINC). */
  type?: { system: string; code: string };
  /** Only documents dated on/after, before (ISO dates). */
  dateFrom?: string;
  dateTo?: string;
  /** Page size asked of the server. */
  pageSize?: number;
  /** Stop after this many documents (default 200). */
  maxResults?: number;
}

export interface DocumentSummary {
  /** Server id of the DocumentReference. */
  id: string;
  title: string;
  status: string;
  date?: string;
  type?: Coded & { system: string };
  classCode?: Coded & { system: string };
  formatCode?: Coded & { system: string };
  facilityType?: Coded & { system: string };
  practiceSetting?: Coded & { system: string };
  contentType: string;
  /** Where the bytes are (`Binary/<id>` or an absolute URL). */
  url: string;
  size?: number;
  /** Base64 SHA-1 as FHIR states it. */
  hash?: string;
  /** XDS uniqueId (masterIdentifier), without `urn:oid:`. */
  uniqueId?: string;
  /** The patient the record files the document under, as far as the DocumentReference says. */
  patient: Pick<PatientIdentity, 'ins' | 'ipp'>;
  /** context.period: when the act took place (ISO). */
  period?: { start?: string; end?: string };
  /** securityLabel codes of TRE_A07 (MASQUE_PS, INVISIBLE_PATIENT, INVISIBLE_REPRESENTANTS_LEGAUX). */
  securityLabels?: string[];
  /** The document's author as the DocumentReference names it (national id, names, organisation). */
  author?: { idNat?: string; family?: string; given?: string; institution?: { name: string; idNat?: string } };
}

export interface FetchedDocument {
  summary: DocumentSummary;
  bytes: Uint8Array;
  /** Hex SHA-1 of the bytes (the XDS form). */
  sha1Hex: string;
}

export type DocumentSourceErrorCode =
  'unauthorized' | 'forbidden' | 'not-found' | 'hash-mismatch' | 'size-mismatch' | 'too-large' | 'untrusted-url' | 'bad-response' | 'network' | 'no-content';

export class DocumentSourceError extends Error {
  constructor(
    readonly code: DocumentSourceErrorCode,
    readonly text: LocalizedText,
    readonly status?: number,
  ) {
    super(text.en);
    this.name = 'DocumentSourceError';
  }
}

export interface DocumentSource {
  /** Current documents of one patient, newest first as the server orders them, following pages. */
  findDocuments(query: DocumentQuery): Promise<DocumentSummary[]>;
  /** The bytes of one document, checked against the size and hash the record states. */
  fetchDocument(summary: DocumentSummary): Promise<FetchedDocument>;
}

/** Supplies the bearer token (Pro Santé Connect or the DI's own) for each request; undefined sends none. */
export type TokenProvider = () => Promise<string | undefined>;

/** The fetch of the host (window.fetch, a service worker's, Node's). */
export type FetchLike = (input: string, init?: { method?: string; headers?: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;
