// Size rules of a message carrying documents: warn above the operator's limit, refuse above 25 MB towards
// Mon espace santé (patient.mssante.fr).
import type { LocalizedText } from '../model';
import { documentText, formatSize } from './messages';

/** Mon espace santé accepts messages up to 25 MB. */
export const PATIENT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/** Bytes an attachment takes in the message: base64 (4 per 3) plus a CRLF every 76 characters. */
export function encodedSize(rawBytes: number): number {
  const b64 = Math.ceil(rawBytes / 3) * 4;
  return b64 + Math.ceil(b64 / 76) * 2;
}

export interface SizeCheck {
  level: 'ok' | 'warn' | 'refuse';
  /** Estimated size of the message once encoded (attachments in base64 + the rest). */
  messageBytes: number;
  code: 'size.ok' | 'size.warn-operator' | 'size.refuse-patient';
  message: LocalizedText;
}

/**
 * Judges the size of a message from its attachments' raw sizes. `operatorLimitBytes` comes from the policy;
 * `toPatient` is true when a recipient is a patient.mssante.fr address. The estimate counts the base64 form,
 * as the limits apply to the message on the wire.
 */
export function checkMessageSize(args: {
  attachmentBytes: readonly number[];
  otherBytes?: number;
  operatorLimitBytes?: number;
  toPatient: boolean;
}): SizeCheck {
  const messageBytes = args.attachmentBytes.reduce((s, n) => s + encodedSize(n), 0) + (args.otherBytes ?? 16 * 1024);
  const size = formatSize(messageBytes);
  if (args.toPatient && messageBytes > PATIENT_MAX_MESSAGE_BYTES) {
    return {
      level: 'refuse',
      messageBytes,
      code: 'size.refuse-patient',
      message: documentText('size.refuse-patient', { size, limit: formatSize(PATIENT_MAX_MESSAGE_BYTES) }),
    };
  }
  if (args.operatorLimitBytes !== undefined && args.operatorLimitBytes > 0 && messageBytes > args.operatorLimitBytes) {
    return {
      level: 'warn',
      messageBytes,
      code: 'size.warn-operator',
      message: documentText('size.warn-operator', { size, limit: formatSize(args.operatorLimitBytes) }),
    };
  }
  return { level: 'ok', messageBytes, code: 'size.ok', message: documentText('size.ok', { size }) };
}
