// What one XDS DocumentEntry says, read from its CDA header (CI-SIS annex "lien entre l'en-tête CDA et les
// métadonnées XDS"): uniqueId, title, type and class, format, confidentiality, dates, facility, practice setting,
// event codes, author and legal authenticator. What the CDA lacks comes from `fallback`; a missing must-have is an error.
import type { CdaAuthor, CdaCode, CdaDocument, CdaId } from './cda';
import { formatCodeOf, parseCdaTime } from './cda';
import { classFor, OID, typeCodeOf, type Coded } from './codes';
import { XdmError } from './errors';
import { maskingCodes, type Masking } from './masking';
import type { ResolvedAuthor } from './metadata';
import { documentText } from './messages';
import { hl7Escape } from './text';

export interface EntryFallback {
  typeCode?: Coded;
  formatCode?: Coded;
  facilityType: Coded;
  practiceSetting: Coded;
}

export interface EntryFacts {
  uniqueId: string;
  title?: string;
  typeCode: Coded;
  classCode: Coded;
  formatCode: Coded;
  confidentiality: Coded[];
  creationTime: string;
  serviceStartTime?: string;
  serviceStopTime?: string;
  languageCode: string;
  healthcareFacilityType: Coded;
  practiceSetting: Coded;
  eventCodes: Coded[];
  author: ResolvedAuthor;
  legalAuthenticator?: string;
  /** `YYYYMMDD` of the act (service start, else the document's date): the PDF copy's date. */
  actDate: string;
  /** The document type's label, for the PDF copy's name. */
  typeLabel: string;
}

const coded = (c: CdaCode | undefined, scheme?: string): Coded | undefined =>
  c?.code && (c.codeSystem ?? scheme) ? { code: c.code, codingScheme: (c.codeSystem ?? scheme)!, display: c.displayName ?? c.code } : undefined;

function incomplete(field: string): XdmError {
  return new XdmError('cda-incomplete', documentText('xdm.cda-incomplete', { field }));
}

/** XCN of a person identified by idNat_PS (`id^FAMILY^Given^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS`). */
export function xcn(id: CdaId | undefined, family: string | undefined, given: string | undefined): string | undefined {
  if (!id?.extension && !family) return undefined;
  const ps = id?.root === OID.idNatPs;
  const assigning = id?.extension ? `&${hl7Escape(id.root)}&ISO` : '';
  return `${hl7Escape(id?.extension ?? '')}^${hl7Escape(family ?? '')}^${hl7Escape(given ?? '')}^^^^^^${assigning}^D^^^${ps ? 'IDNPS' : id?.extension ? 'RI' : ''}`;
}

/** XON of an organisation (`Name^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^id` for a national structure id). */
export function xon(org: { name?: string; id?: CdaId } | undefined): string | undefined {
  if (!org?.name) return undefined;
  const name = hl7Escape(org.name);
  if (!org.id?.extension) return name;
  return `${name}^^^^^&${hl7Escape(org.id.root)}&ISO^${org.id.root === OID.idNatStruct ? 'IDNST' : 'XX'}^^^${hl7Escape(org.id.extension)}`;
}

export function authorOfCda(a: CdaAuthor | undefined): ResolvedAuthor {
  if (!a) return {};
  const out: ResolvedAuthor = {};
  const person = xcn(a.id, a.family, a.given);
  if (person) out.person = person;
  const institution = xon(a.organisation);
  if (institution) out.institution = institution;
  const specialty = coded(a.specialty);
  if (specialty) out.specialty = { code: hl7Escape(specialty.code), codingScheme: hl7Escape(specialty.codingScheme), display: hl7Escape(specialty.display) };
  return out;
}

export function entryOfCda(doc: CdaDocument, masking: Masking | undefined, fallback: EntryFallback): EntryFacts {
  if (!doc.id?.root) throw incomplete('ClinicalDocument/id');
  const created = parseCdaTime(doc.effectiveTime);
  if (!created) throw incomplete('ClinicalDocument/effectiveTime');
  const typeCode = (doc.code ? typeCodeOf(doc.code.code, doc.code.displayName, doc.code.codeSystem) : undefined) ?? fallback.typeCode;
  if (!typeCode) throw incomplete('ClinicalDocument/code');
  const formatCode = formatCodeOf(doc) ?? fallback.formatCode;
  if (!formatCode) throw new XdmError('format-unknown', documentText('xdm.format-unknown', { templates: doc.templateIds.join(', ') || '—' }));
  const start = parseCdaTime(doc.serviceEvent?.low) ?? parseCdaTime(doc.encounter?.low);
  const stop = parseCdaTime(doc.serviceEvent?.high) ?? parseCdaTime(doc.encounter?.high);
  const level = coded(doc.confidentiality, OID.confidentiality) ?? { code: 'N', codingScheme: OID.confidentiality, display: 'Normal' };
  const legal = doc.legalAuthenticator ? xcn(doc.legalAuthenticator.id, doc.legalAuthenticator.family, doc.legalAuthenticator.given) : undefined;
  const eventCode = coded(doc.serviceEvent?.code);
  return {
    uniqueId: doc.id.extension ? `${doc.id.root}^${doc.id.extension}` : doc.id.root,
    ...(doc.title ? { title: doc.title } : {}),
    typeCode,
    classCode: classFor(typeCode),
    formatCode,
    confidentiality: [level, ...maskingCodes(masking)],
    creationTime: created.dtm,
    ...(start ? { serviceStartTime: start.dtm } : {}),
    ...(stop ? { serviceStopTime: stop.dtm } : {}),
    languageCode: doc.languageCode ?? 'fr-FR',
    healthcareFacilityType: coded(doc.encounter?.facilityType) ?? fallback.facilityType,
    practiceSetting: coded(doc.serviceEvent?.practiceSetting) ?? fallback.practiceSetting,
    eventCodes: eventCode ? [eventCode] : [],
    author: authorOfCda(doc.authors[0]),
    ...(legal ? { legalAuthenticator: legal } : {}),
    actDate: (start ?? created).date,
    typeLabel: typeCode.display,
  };
}
