// Recognises an HL7 CDA R2 document and reads what the message needs from its header: the document code
// (X-MSS-CODECDA, XDS typeCode) and the patient ids of recordTarget (one patient per message).
import { SaxesParser } from 'saxes';

export interface CdaSummary {
  code?: { code: string; codeSystem?: string; displayName?: string };
  /** `recordTarget/patientRole/id` values. */
  patientIds: Array<{ root: string; extension?: string }>;
}

const HL7_NS = 'urn:hl7-org:v3';
/** The header ends where the body starts; nothing after it is read. */
const HEADER_LIMIT = 2 * 1024 * 1024;

/** Returns the CDA header summary, or null when the bytes are not a CDA document (or not well-formed XML). */
export function inspectCda(bytes: Uint8Array): CdaSummary | null {
  const head = bytes.subarray(0, Math.min(bytes.length, HEADER_LIMIT));
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  if (!/<([A-Za-z_][\w.-]*:)?ClinicalDocument[\s>]/.test(text.slice(0, 4096))) return null;
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: string[] = [];
  const summary: CdaSummary = { patientIds: [] };
  let isCda = false;
  let done = false;
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    if (done) return;
    const local = tag.local ?? tag.name;
    if (stack.length === 0) isCda = local === 'ClinicalDocument' && tag.uri === HL7_NS;
    stack.push(local);
    const attr = (n: string) => {
      const a = tag.attributes[n];
      return typeof a === 'object' && a !== null ? a.value : (a as string | undefined);
    };
    const path = stack.join('/');
    if (path === 'ClinicalDocument/code') {
      const code = attr('code');
      if (code) summary.code = { code, codeSystem: attr('codeSystem'), displayName: attr('displayName') };
    } else if (path === 'ClinicalDocument/recordTarget/patientRole/id') {
      const root = attr('root');
      if (root) summary.patientIds.push({ root, extension: attr('extension') });
    } else if (path === 'ClinicalDocument/component') done = true;
  });
  parser.on('closetag', () => {
    if (!done) stack.pop();
  });
  try {
    // Feed in slices so a body-less header stops early without decoding twice.
    const step = 64 * 1024;
    for (let i = 0; i < text.length && !done && !failed; i += step) parser.write(text.slice(i, i + step));
  } catch {
    failed = true;
  }
  if (!isCda || (failed && !done && !summary.code)) return null;
  return summary;
}
