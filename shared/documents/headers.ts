// The MSSanté headers of a message carrying documents (Référentiel socle #2): X-MSS-CODECDA, X-MSS-INS, X-MSS-NIL,
// X-MSS-MES, and the read-receipt request.
import { PATIENT_DOMAIN } from '../recipient-policy/classify';
import { parseRecipientField, parseSingleAddress } from '../recipient-policy/address';
import type { LocalizedText } from '../model';
import type { PatientIdentity } from './patient';
import { documentText } from './messages';
import { hasFourTraits } from './identity';
import { oneLine } from './text';

export interface MailHeader {
  name: string;
  value: string;
}

export interface HeaderInput {
  /** Codes of the CDA documents in the archive (`ClinicalDocument/code/@code`), in order. */
  cdaCodes: readonly string[];
  patient: Pick<PatientIdentity, 'ins' | 'family' | 'given' | 'birthDate' | 'sex'>;
  /** Product reference (X-MSS-NIL) from the policy. */
  nil?: string;
  /** Every recipient address (to, cc, bcc). */
  recipients?: readonly string[];
  /** Leave the conversation open for a patient's reply (default: closed, `X-MSS-MES: FIN`). */
  allowPatientReply?: boolean;
  /** Ask for a read receipt (MDN) to this address. */
  readReceiptTo?: string;
}

export class HeaderError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = 'HeaderError';
  }
}

const CODE = /^[A-Za-z0-9._-]{1,64}$/;

/** The addresses of recipient fields as a mail client gives them (display names, several per field), lower-cased, once each. */
export function recipientAddresses(fields: readonly string[]): string[] {
  const out = new Set<string>();
  for (const f of fields) for (const a of parseRecipientField(f)) if (a.ok) out.add(a.address.toLowerCase());
  return [...out];
}

/** True when one of the addresses is a Mon espace santé patient address. */
export function writesToPatient(recipients: readonly string[]): boolean {
  return recipients.some((r) => {
    const a = parseSingleAddress(r);
    return a?.domain === PATIENT_DOMAIN;
  });
}

/** The headers to set, and notices for what could not be set. */
export function mssHeaders(input: HeaderInput): { headers: MailHeader[]; notices: LocalizedText[] } {
  const headers: MailHeader[] = [];
  const notices: LocalizedText[] = [];
  const codes = [...new Set(input.cdaCodes.map((c) => c.trim()).filter((c) => CODE.test(c)))];
  if (codes.length > 0) {
    headers.push({ name: 'X-MSS-CODECDA', value: codes.join(',') });
    // O only when the archive carries the qualified INS with its four traits (ECO.2.4.2; receivers answer 905 otherwise).
    headers.push({ name: 'X-MSS-INS', value: hasFourTraits(input.patient) ? 'O' : 'N' });
  }
  const nil = input.nil ? oneLine(input.nil) : '';
  if (nil) headers.push({ name: 'X-MSS-NIL', value: nil });
  else notices.push(documentText('xdm.no-nil'));
  if (!input.allowPatientReply && writesToPatient(input.recipients ?? [])) headers.push({ name: 'X-MSS-MES', value: 'FIN' });
  if (input.readReceiptTo !== undefined) {
    const a = parseSingleAddress(input.readReceiptTo);
    if (!a) throw new HeaderError(documentText('xdm.receipt-address', { value: oneLine(input.readReceiptTo) }));
    headers.push({ name: 'Disposition-Notification-To', value: `<${a.address}>` });
  }
  return { headers, notices };
}
