// IHE_XDM/SUBSET01/METADATA.XML: an ebRIM 3.0 SubmitObjectsRequest (one SubmissionSet, one DocumentEntry per
// document, HasMember associations), built with an XML builder: every value is escaped by the builder.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { NS, XDS, type Coded } from './codes';
import { XdmError } from './errors';
import { documentText } from './messages';

/** ebRIM 3.0 (rim.xsd) lengths: LongName for slot values, codes and identifiers, FreeFormText for names. */
export const EBRIM_MAX = { longName: 256, freeFormText: 1024 } as const;

function fits(value: string, max: number, field: string): string {
  if (value.length > max) throw new XdmError('too-long', documentText('xdm.too-long', { field, length: value.length, max }));
  return value;
}

export interface ResolvedAuthor {
  /** XCN, already escaped. */
  person?: string;
  /** XON, already escaped. */
  institution?: string;
  role?: string;
  specialty?: Coded;
  /** XTN, already escaped. */
  telecom?: string;
}

export interface ResolvedEntry {
  entryUuid: string;
  uniqueId: string;
  uri: string;
  mimeType: string;
  title: string;
  hashHex: string;
  size: number;
  creationTime: string;
  serviceStartTime?: string;
  serviceStopTime?: string;
  languageCode: string;
  classCode: Coded;
  typeCode: Coded;
  formatCode: Coded;
  confidentiality: Coded[];
  healthcareFacilityType: Coded;
  practiceSetting: Coded;
  eventCodes: Coded[];
  /** The document's author (from its CDA). */
  author: ResolvedAuthor;
  /** XCN, already escaped. */
  legalAuthenticator?: string;
}

export interface ResolvedSubmission {
  entryUuid: string;
  uniqueId: string;
  sourceId: string;
  submissionTime: string;
  title: string;
  contentTypeCode: Coded;
  /** XON|XCN|XTN values. */
  intendedRecipients: string[];
  patientId: string;
  sourcePatientId: string;
  /** PID-5, PID-7, PID-8 values (`PID-5|NOM^Prénom^^^^^L`). */
  sourcePatientInfo: string[];
  /** Who sends the submission set. */
  author: ResolvedAuthor;
  entries: ResolvedEntry[];
  /** Makes ids for classifications, external identifiers and associations. */
  nextId: () => string;
}

function slot(parent: XMLBuilder, name: string, values: readonly string[]): void {
  if (values.length === 0) return;
  const list = parent.ele(NS.rim, 'rim:Slot', { name }).ele(NS.rim, 'rim:ValueList');
  for (const v of values) list.ele(NS.rim, 'rim:Value').txt(fits(v, EBRIM_MAX.longName, name));
}

function name(parent: XMLBuilder, value: string, field = 'title'): void {
  parent
    .ele(NS.rim, 'rim:Name')
    .ele(NS.rim, 'rim:LocalizedString', { 'xml:lang': 'fr-FR', charset: 'UTF-8', value: fits(value, EBRIM_MAX.freeFormText, field) });
}

function classification(parent: XMLBuilder, scheme: string, object: string, id: string, coded?: Coded): XMLBuilder {
  const c = parent.ele(NS.rim, 'rim:Classification', {
    classificationScheme: scheme,
    classifiedObject: object,
    id,
    nodeRepresentation: coded ? fits(coded.code, EBRIM_MAX.longName, 'code') : '',
    objectType: XDS.objectType.classification,
  });
  if (coded) {
    slot(c, 'codingScheme', [coded.codingScheme]);
    name(c, coded.display, `label of ${coded.code}`);
  }
  return c;
}

function externalId(parent: XMLBuilder, scheme: string, object: string, id: string, value: string, label: string): void {
  const e = parent.ele(NS.rim, 'rim:ExternalIdentifier', {
    id,
    identificationScheme: scheme,
    objectType: XDS.objectType.externalIdentifier,
    registryObject: object,
    value: fits(value, EBRIM_MAX.longName, label),
  });
  name(e, label);
}

function author(parent: XMLBuilder, scheme: string, object: string, id: string, a: ResolvedAuthor): void {
  if (!a.person && !a.institution) return;
  const c = classification(parent, scheme, object, id);
  if (a.person) slot(c, 'authorPerson', [a.person]);
  if (a.institution) slot(c, 'authorInstitution', [a.institution]);
  if (a.role) slot(c, 'authorRole', [a.role]);
  if (a.specialty) slot(c, 'authorSpecialty', [`${a.specialty.code}^${a.specialty.display}^${a.specialty.codingScheme}`]);
  if (a.telecom) slot(c, 'authorTelecommunication', [a.telecom]);
}

/** Serialises the submission to METADATA.XML (UTF-8, indented). */
export function buildMetadataXml(s: ResolvedSubmission): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(NS.lcm, 'lcm:SubmitObjectsRequest', { 'xmlns:rim': NS.rim });
  const list = root.ele(NS.rim, 'rim:RegistryObjectList');

  for (const e of s.entries) {
    const x = list.ele(NS.rim, 'rim:ExtrinsicObject', { id: e.entryUuid, mimeType: e.mimeType, objectType: XDS.documentEntryType, status: XDS.approved });
    slot(x, 'creationTime', [e.creationTime]);
    slot(x, 'hash', [e.hashHex]);
    slot(x, 'languageCode', [e.languageCode]);
    if (e.legalAuthenticator) slot(x, 'legalAuthenticator', [e.legalAuthenticator]);
    if (e.serviceStartTime) slot(x, 'serviceStartTime', [e.serviceStartTime]);
    if (e.serviceStopTime) slot(x, 'serviceStopTime', [e.serviceStopTime]);
    slot(x, 'size', [String(e.size)]);
    slot(x, 'sourcePatientId', [s.sourcePatientId]);
    slot(x, 'sourcePatientInfo', s.sourcePatientInfo);
    slot(x, 'URI', [e.uri]);
    name(x, e.title);
    author(x, XDS.doc.author, e.entryUuid, s.nextId(), e.author);
    classification(x, XDS.doc.classCode, e.entryUuid, s.nextId(), e.classCode);
    for (const c of e.confidentiality) classification(x, XDS.doc.confidentialityCode, e.entryUuid, s.nextId(), c);
    for (const c of e.eventCodes) classification(x, XDS.doc.eventCodeList, e.entryUuid, s.nextId(), c);
    classification(x, XDS.doc.formatCode, e.entryUuid, s.nextId(), e.formatCode);
    classification(x, XDS.doc.healthcareFacilityTypeCode, e.entryUuid, s.nextId(), e.healthcareFacilityType);
    classification(x, XDS.doc.practiceSettingCode, e.entryUuid, s.nextId(), e.practiceSetting);
    classification(x, XDS.doc.typeCode, e.entryUuid, s.nextId(), e.typeCode);
    externalId(x, XDS.doc.patientId, e.entryUuid, s.nextId(), s.patientId, 'XDSDocumentEntry.patientId');
    externalId(x, XDS.doc.uniqueId, e.entryUuid, s.nextId(), e.uniqueId, 'XDSDocumentEntry.uniqueId');
  }

  const set = list.ele(NS.rim, 'rim:RegistryPackage', { id: s.entryUuid, objectType: XDS.objectType.registryPackage });
  slot(set, 'submissionTime', [s.submissionTime]);
  slot(set, 'intendedRecipient', s.intendedRecipients);
  name(set, s.title);
  author(set, XDS.set.author, s.entryUuid, s.nextId(), s.author);
  classification(set, XDS.set.contentTypeCode, s.entryUuid, s.nextId(), s.contentTypeCode);
  externalId(set, XDS.set.patientId, s.entryUuid, s.nextId(), s.patientId, 'XDSSubmissionSet.patientId');
  externalId(set, XDS.set.sourceId, s.entryUuid, s.nextId(), s.sourceId, 'XDSSubmissionSet.sourceId');
  externalId(set, XDS.set.uniqueId, s.entryUuid, s.nextId(), s.uniqueId, 'XDSSubmissionSet.uniqueId');

  list.ele(NS.rim, 'rim:Classification', {
    classificationNode: XDS.submissionSetNode,
    classifiedObject: s.entryUuid,
    id: s.nextId(),
    objectType: XDS.objectType.classification,
  });

  for (const e of s.entries) {
    const a = list.ele(NS.rim, 'rim:Association', {
      associationType: XDS.hasMember,
      id: s.nextId(),
      objectType: XDS.objectType.association,
      sourceObject: s.entryUuid,
      targetObject: e.entryUuid,
    });
    slot(a, 'SubmissionSetStatus', ['Original']);
  }
  return doc.end({ prettyPrint: true });
}
