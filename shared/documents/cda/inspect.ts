// The short view of a CDA other parts of the core need (the send check reads which patients an attachment names).
import { readCda, type CdaCode, type CdaId } from './read';

export interface CdaSummary {
  code?: CdaCode;
  /** `recordTarget/patientRole/id` values. */
  patientIds: CdaId[];
}

/** The document code and the recordTarget ids, or null when the bytes are not a well-formed CDA R2 document. */
export function inspectCda(bytes: Uint8Array): CdaSummary | null {
  const doc = readCda(bytes);
  return doc ? { ...(doc.code ? { code: doc.code } : {}), patientIds: doc.patient.ids } : null;
}
