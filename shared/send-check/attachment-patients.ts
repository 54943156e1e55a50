// The patients an attachment names: a CDA document's recordTarget, or, inside an IHE_XDM.ZIP, each CDA document and
// the XDS patientId of METADATA.XML. Hosts call it on the bytes they hold and pass only the INS to the send check.
import { unzipSync } from 'fflate';
import { inspectCda } from '../documents/cda';
import { INS_OIDS } from '../documents/patient';
import { checkMatriculeIns } from '../recipient-policy/ins';

/** Zip entries read at most (an XDM holds a few documents; a bigger archive is not one Vigie reads). */
const MAX_ENTRIES = 200;
const MAX_ENTRY_BYTES = 20 * 1024 * 1024;

function validIns(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const c = checkMatriculeIns(value);
  return c.valid ? c.matricule : undefined;
}

function fromCda(bytes: Uint8Array, out: Set<string>): void {
  for (const id of inspectCda(bytes)?.patientIds ?? []) {
    const ins = INS_OIDS.includes(id.root) ? validIns(id.extension) : undefined;
    if (ins) out.add(ins);
  }
}

/** XDS patientId values in HL7 CX form, `<INS>^^^&<INS OID>&ISO^NH`, from an XDM METADATA.XML. */
function fromMetadata(xml: string, out: Set<string>): void {
  const cx = /([0-9AB]{15})\^\^\^&amp;(1\.2\.250\.1\.213\.1\.4\.(?:8|9|10|11))&amp;ISO/gi;
  const raw = /([0-9AB]{15})\^\^\^&(1\.2\.250\.1\.213\.1\.4\.(?:8|9|10|11))&ISO/gi;
  for (const re of [cx, raw])
    for (const m of xml.matchAll(re)) {
      const ins = validIns(m[1]);
      if (ins) out.add(ins);
    }
}

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * The matricules INS an attachment names (upper-case, valid key only), or an empty list when it is neither a CDA
 * document nor an archive holding one. Never throws on bad bytes.
 */
export function attachmentPatients(bytes: Uint8Array): string[] {
  const out = new Set<string>();
  if (isZip(bytes)) {
    let entries: Record<string, Uint8Array> = {};
    let seen = 0;
    try {
      entries = unzipSync(bytes, {
        filter: (f) => ++seen <= MAX_ENTRIES && f.originalSize <= MAX_ENTRY_BYTES && /\.xml$/i.test(f.name),
      });
    } catch {
      return [];
    }
    for (const [name, data] of Object.entries(entries)) {
      if (/(^|\/)METADATA\.XML$/i.test(name)) fromMetadata(new TextDecoder().decode(data), out);
      else fromCda(data, out);
    }
  } else fromCda(bytes, out);
  return [...out];
}
