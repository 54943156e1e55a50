// Wraps a document the DI holds without a CDA (a PDF…) into a CDA R2 level-1 document (IHE XDS-SD, CI-SIS header),
// so that the archive always carries a CDA the receiving platform can file: patient, author, dates and codes from the DI.
import { create } from 'xmlbuilder2';
import type { Coded } from '../codes';
import { OID } from '../codes';
import { base64Ascii, base64Length } from '../hash';
import { xmlLine } from '../text';
import type { CdaDocument } from './read';
import type { PatientIdentity } from '../patient';

export const TEMPLATE = {
  hl7France: '2.16.840.1.113883.2.8.2.1',
  ciSis: '1.2.250.1.213.1.1.1.1',
  xdsSd: '1.3.6.1.4.1.19376.1.2.20',
} as const;

export interface WrapInput {
  content: Uint8Array;
  mediaType: string;
  /** The document's unique id (an OID): ClinicalDocument/id and the XDS uniqueId. */
  uniqueId: string;
  type: Coded;
  title: string;
  /** When the DI says the document was made. */
  effectiveTime: Date;
  serviceStart?: Date;
  serviceStop?: Date;
  patient: PatientIdentity;
  author: { idNat?: string; family?: string; given?: string; organisation: { name: string; idNat?: string } };
  facilityType: Coded;
  practiceSetting: Coded;
}

/** `YYYYMMDDhhmmss+0000`: a TS with its zone, as the CI-SIS header wants. */
function ts(d: Date): string {
  return `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0000`;
}

/**
 * The CDA document (UTF-8 bytes) and what its header says (the same as reading the bytes back, without parsing
 * megabytes of base64 again). The INS goes in only when it is qualified, as the INS rules require.
 */
export function wrapInCdaN1(w: WrapInput): { bytes: Uint8Array; doc: CdaDocument } {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('urn:hl7-org:v3', 'ClinicalDocument');
  doc.ele('realmCode', { code: 'FR' });
  doc.ele('typeId', { root: '2.16.840.1.113883.1.3', extension: 'POCD_HD000040' });
  for (const root of [TEMPLATE.hl7France, TEMPLATE.ciSis, TEMPLATE.xdsSd]) doc.ele('templateId', { root });
  doc.ele('id', { root: w.uniqueId });
  doc.ele('code', { code: xmlLine(w.type.code), codeSystem: xmlLine(w.type.codingScheme), displayName: xmlLine(w.type.display) });
  doc.ele('title').txt(xmlLine(w.title));
  doc.ele('effectiveTime', { value: ts(w.effectiveTime) });
  doc.ele('confidentialityCode', { code: 'N', codeSystem: OID.confidentiality, displayName: 'Normal' });
  doc.ele('languageCode', { code: 'fr-FR' });
  doc.ele('setId', { root: w.uniqueId });
  doc.ele('versionNumber', { value: '1' });

  const role = doc.ele('recordTarget').ele('patientRole');
  const p = w.patient;
  if (p.ins?.qualified && p.ins.oid) role.ele('id', { root: p.ins.oid, extension: p.ins.matricule });
  if (p.ipp) role.ele('id', { root: p.ipp.oid, extension: p.ipp.value });
  const person = role.ele('patient', { classCode: 'PSN' });
  const name = person.ele('name');
  name.ele('given', { qualifier: 'BR' }).txt(xmlLine(p.given));
  name.ele('family', { qualifier: 'BR' }).txt(xmlLine(p.family));
  person.ele('administrativeGenderCode', { code: p.sex ?? 'U', codeSystem: '2.16.840.1.113883.5.1' });
  person.ele('birthTime', { value: p.birthDate.replace(/-/g, '') });

  const organisation = (parent: ReturnType<typeof doc.ele>, tag: string) => {
    const o = parent.ele(tag);
    if (w.author.organisation.idNat) o.ele('id', { root: OID.idNatStruct, extension: w.author.organisation.idNat });
    else o.ele('id', { nullFlavor: 'UNK' });
    o.ele('name').txt(xmlLine(w.author.organisation.name) || '—');
    return o;
  };
  const author = doc.ele('author');
  author.ele('time', { value: ts(w.effectiveTime) });
  const assigned = author.ele('assignedAuthor');
  if (w.author.idNat) assigned.ele('id', { root: OID.idNatPs, extension: w.author.idNat });
  else assigned.ele('id', { nullFlavor: 'UNK' });
  if (w.author.family || w.author.given) {
    const n = assigned.ele('assignedPerson').ele('name');
    if (w.author.given) n.ele('given').txt(xmlLine(w.author.given));
    if (w.author.family) n.ele('family').txt(xmlLine(w.author.family));
  }
  organisation(assigned, 'representedOrganization');
  organisation(doc.ele('custodian').ele('assignedCustodian'), 'representedCustodianOrganization');

  const event = doc.ele('documentationOf').ele('serviceEvent');
  const times = event.ele('effectiveTime');
  times.ele('low', { value: ts(w.serviceStart ?? w.effectiveTime) });
  if (w.serviceStop) times.ele('high', { value: ts(w.serviceStop) });
  const performer = event.ele('performer', { typeCode: 'PRF' }).ele('assignedEntity');
  performer.ele('id', w.author.idNat ? { root: OID.idNatPs, extension: w.author.idNat } : { nullFlavor: 'UNK' });
  const org = performer.ele('representedOrganization');
  org.ele('standardIndustryClassCode', { code: w.practiceSetting.code, codeSystem: w.practiceSetting.codingScheme, displayName: w.practiceSetting.display });

  const encounter = doc.ele('componentOf').ele('encompassingEncounter');
  encounter.ele('effectiveTime').ele('low', { value: ts(w.serviceStart ?? w.effectiveTime) });
  encounter
    .ele('location')
    .ele('healthCareFacility')
    .ele('code', { code: w.facilityType.code, codeSystem: w.facilityType.codingScheme, displayName: w.facilityType.display });

  // The body (megabytes of base64) is spliced in as bytes where a marker stands: no giant string through the builder.
  const marker = 'VIGIE-BODY-MARKER';
  doc.ele('component').ele('nonXMLBody').ele('text', { mediaType: w.mediaType, representation: 'B64' }).txt(marker);
  const [head, tail] = doc.end({ prettyPrint: true }).split(marker) as [string, string];
  const encoder = new TextEncoder();
  const before = encoder.encode(head);
  const after = encoder.encode(tail);
  const bodyLength = base64Length(w.content.length);
  const bytes = new Uint8Array(before.length + bodyLength + after.length);
  bytes.set(before, 0);
  base64Ascii(w.content, bytes, before.length);
  bytes.set(after, before.length + bodyLength);
  return { bytes, doc: headerOf(w) };
}

function headerOf(w: WrapInput): CdaDocument {
  const p = w.patient;
  const org = {
    ...(w.author.organisation.idNat ? { id: { root: OID.idNatStruct, extension: w.author.organisation.idNat } } : {}),
    name: xmlLine(w.author.organisation.name) || '—',
  };
  const author = w.author.idNat ? { id: { root: OID.idNatPs, extension: w.author.idNat } } : {};
  return {
    id: { root: w.uniqueId },
    setId: { root: w.uniqueId },
    versionNumber: '1',
    code: { code: xmlLine(w.type.code), codeSystem: xmlLine(w.type.codingScheme), displayName: xmlLine(w.type.display) },
    title: xmlLine(w.title),
    effectiveTime: ts(w.effectiveTime),
    confidentiality: { code: 'N', codeSystem: OID.confidentiality, displayName: 'Normal' },
    languageCode: 'fr-FR',
    templateIds: [TEMPLATE.hl7France, TEMPLATE.ciSis, TEMPLATE.xdsSd],
    patient: {
      ids: [
        ...(p.ins?.qualified && p.ins.oid ? [{ root: p.ins.oid, extension: p.ins.matricule }] : []),
        ...(p.ipp ? [{ root: p.ipp.oid, extension: p.ipp.value }] : []),
      ],
      family: xmlLine(p.family),
      given: xmlLine(p.given),
      birthTime: p.birthDate.replace(/-/g, ''),
      sex: p.sex ?? 'U',
    },
    authors: [
      {
        time: ts(w.effectiveTime),
        ...author,
        ...(w.author.family ? { family: xmlLine(w.author.family) } : {}),
        ...(w.author.given ? { given: xmlLine(w.author.given) } : {}),
        organisation: org,
      },
    ],
    custodian: org,
    serviceEvent: {
      low: ts(w.serviceStart ?? w.effectiveTime),
      ...(w.serviceStop ? { high: ts(w.serviceStop) } : {}),
      practiceSetting: { code: w.practiceSetting.code, codeSystem: w.practiceSetting.codingScheme, displayName: w.practiceSetting.display },
    },
    encounter: {
      low: ts(w.serviceStart ?? w.effectiveTime),
      facilityType: { code: w.facilityType.code, codeSystem: w.facilityType.codingScheme, displayName: w.facilityType.display },
    },
    body: { kind: 'nonXML', mediaType: w.mediaType, representation: 'B64', text: '' },
  };
}
