// A document fetched from the DI, as the XDM packer takes it: the DI's codes, uniqueId and patient kept.
import type { FetchedDocument } from '../../ports/document-source';
import type { Coded } from '../codes';
import type { XdmDocument } from '../xdm';

const plain = (c: (Coded & { system: string }) | undefined): Coded | undefined => (c ? { code: c.code, codingScheme: c.codingScheme, display: c.display } : undefined);

/** Keeps only codes whose scheme is an OID (XDS needs OIDs); the packer's defaults fill the rest. */
const ifOid = (c: Coded | undefined): Coded | undefined => (c && /^[0-9]+(\.[0-9]+)+$/.test(c.codingScheme) ? c : undefined);

export function toXdmDocument(doc: FetchedDocument): XdmDocument {
  const s = doc.summary;
  const created = s.date ? new Date(s.date) : undefined;
  const out: XdmDocument = {
    bytes: doc.bytes,
    mimeType: s.contentType,
    title: s.title,
    patient: s.patient,
  };
  const typeCode = ifOid(plain(s.type));
  if (typeCode) out.typeCode = typeCode;
  const classCode = ifOid(plain(s.classCode));
  if (classCode) out.classCode = classCode;
  const formatCode = ifOid(plain(s.formatCode));
  if (formatCode) out.formatCode = formatCode;
  const facility = ifOid(plain(s.facilityType));
  if (facility) out.healthcareFacilityType = facility;
  const setting = ifOid(plain(s.practiceSetting));
  if (setting) out.practiceSetting = setting;
  if (s.uniqueId && /^[0-9]+(\.[0-9]+)+$/.test(s.uniqueId)) out.uniqueId = s.uniqueId;
  if (created && !Number.isNaN(created.getTime())) out.creationTime = created;
  return out;
}
