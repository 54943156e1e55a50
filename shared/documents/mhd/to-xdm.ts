// A document fetched from the DI, as the XDM packer takes it: the DI's codes, dates, uniqueId, patient and visibility.
// A CDA from the DI speaks for itself (its header wins); these fill what it lacks, or describe a bare document to wrap.
import type { FetchedDocument } from '../../ports/document-source';
import type { Coded } from '../codes';
import { maskingOfCodes } from '../masking';
import type { XdmDocument } from '../xdm-types';

const plain = (c: (Coded & { system: string }) | undefined): Coded | undefined =>
  c ? { code: c.code, codingScheme: c.codingScheme, display: c.display } : undefined;

/** Keeps only codes whose scheme is an OID (XDS needs OIDs). */
const ifOid = (c: Coded | undefined): Coded | undefined => (c && /^[0-9]+(\.[0-9]+)+$/.test(c.codingScheme) ? c : undefined);

const date = (s: string | undefined): Date | undefined => {
  const d = s ? new Date(s) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};

export function toXdmDocument(doc: FetchedDocument): XdmDocument {
  const s = doc.summary;
  const out: XdmDocument = { bytes: doc.bytes, mimeType: s.contentType, title: s.title, patient: s.patient };
  const typeCode = ifOid(plain(s.type));
  if (typeCode) out.typeCode = typeCode;
  const formatCode = ifOid(plain(s.formatCode));
  if (formatCode) out.formatCode = formatCode;
  const facility = ifOid(plain(s.facilityType));
  if (facility) out.healthcareFacilityType = facility;
  const setting = ifOid(plain(s.practiceSetting));
  if (setting) out.practiceSetting = setting;
  if (s.uniqueId && /^[0-9]+(\.[0-9]+)+$/.test(s.uniqueId)) out.uniqueId = s.uniqueId;
  const created = date(s.date);
  if (created) out.creationTime = created;
  const start = date(s.period?.start);
  if (start) out.serviceStartTime = start;
  const end = date(s.period?.end);
  if (end) out.serviceStopTime = end;
  if (s.securityLabels?.length) out.masking = maskingOfCodes(s.securityLabels);
  if (s.author) out.author = s.author;
  return out;
}
