// Packs DI documents as MSSanté expects: IHE_XDM.ZIP (ITI-32) + a PDF copy, the subject and the X-MSS headers.
// Pure: bytes in, bytes out; clock and id generator injectable for reproducible archives.
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { LocalizedText } from '../model';
import { classFor, DEFAULTS, loincType, OID, type Coded } from './codes';
import { inspectCda } from './cda';
import { sha1Hex } from './hash';
import { mssHeaders, writesToPatient, type MailHeader } from './headers';
import { buildIndexHtml, buildReadme, type IndexEntry, type SenderInfo } from './index-files';
import { buildMetadataXml, type ResolvedAuthor, type ResolvedEntry } from './metadata';
import { documentText } from './messages';
import { pdfCopyName, xdmDocumentName, xdmSubject } from './naming';
import { assertOnePatient, INS_OIDS, normalisePatient, PatientError, xdmPatientId, xdmSourcePatientId, type PatientIdentity } from './patient';
import { checkMessageSize, type SizeCheck } from './size';
import { hl7DateTime, hl7Escape, oneLine, uuidToOid } from './text';

export interface XdmDocument {
  bytes: Uint8Array;
  mimeType: string;
  title: string;
  /** Original file name (used only for an unknown MIME type's extension). */
  fileName?: string;
  /** Document type (LOINC…); for a CDA document, its `ClinicalDocument/code` is used when this is absent. */
  typeCode?: Coded;
  classCode?: Coded;
  formatCode?: Coded;
  confidentiality?: Coded[];
  healthcareFacilityType?: Coded;
  practiceSetting?: Coded;
  eventCodes?: Coded[];
  creationTime?: Date;
  serviceStartTime?: Date;
  serviceStopTime?: Date;
  /** XDS uniqueId (OID) kept from the DI; made from a UUID otherwise. */
  uniqueId?: string;
  /** The patient the source says this document belongs to (DI metadata): checked against the message's patient. */
  patient?: Pick<PatientIdentity, 'ins' | 'ipp'>;
  /** Short type label for the PDF copy's name (default: the type code). */
  typeLabel?: string;
}

export interface XdmAuthor {
  /** National id of the professional (idNat_PS, e.g. `8` + RPPS). */
  idNat?: string;
  family?: string;
  given?: string;
  institution?: { name: string; idNat?: string };
  role?: string;
  specialty?: Coded;
  /** The author's MSSanté address. */
  mail?: string;
}

export interface XdmPackInput {
  patient: PatientIdentity;
  documents: XdmDocument[];
  /** The libellé of the subject and of the submission set. */
  title: string;
  author: XdmAuthor;
  sender: SenderInfo;
  /** Every recipient address of the message (intendedRecipient, X-MSS-MES, size rule). */
  recipients?: string[];
  contentTypeCode?: Coded;
  /** OID of the sending system (XDS sourceId). */
  sourceId?: string;
  /** From the organisation's policy. */
  policy?: { nil?: string; operatorLimitBytes?: number };
  readReceiptTo?: string;
  allowPatientReply?: boolean;
  /** Add a PDF copy of each PDF document beside the archive (default true). */
  pdfCopy?: boolean;
  now?: Date;
  uuid?: () => string;
}

export interface XdmAttachment {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface XdmPackResult {
  /** IHE_XDM.ZIP first, then the PDF copies. */
  attachments: XdmAttachment[];
  zip: Uint8Array;
  subject: string;
  headers: MailHeader[];
  size: SizeCheck;
  notices: LocalizedText[];
  /** What the archive holds, for display and logs (no content). */
  entries: Array<{ path: string; uniqueId: string; hashHex: string; size: number; mimeType: string; typeCode: string; cda: boolean }>;
  metadataXml: string;
  indexHtml: string;
  readme: string;
}

export class XdmError extends Error {
  constructor(
    readonly code: 'no-document' | 'empty-document' | 'too-many' | 'title-missing',
    readonly text: LocalizedText,
  ) {
    super(text.en);
    this.name = 'XdmError';
  }
}

/** File types already compressed: stored as they are in the zip (deflating them costs time and gains nothing). */
const STORED = /^(application\/pdf|image\/(jpeg|png|gif|webp)|application\/zip|video\/|audio\/)/i;

function authorOf(a: XdmAuthor): ResolvedAuthor {
  const out: ResolvedAuthor = {};
  if (a.idNat || a.family) {
    const id = a.idNat ? hl7Escape(a.idNat) : '';
    const assigning = a.idNat ? `&${OID.idNatPs}&ISO` : '';
    out.person = `${id}^${hl7Escape(a.family ?? '')}^${hl7Escape(a.given ?? '')}^^^^^^${assigning}^D^^^${a.idNat ? 'IDNPS' : ''}`;
  }
  if (a.institution) {
    const n = hl7Escape(a.institution.name);
    out.institution = a.institution.idNat ? `${n}^^^^^&${OID.idNatStruct}&ISO^IDNST^^^${hl7Escape(a.institution.idNat)}` : n;
  }
  if (a.role) out.role = hl7Escape(a.role);
  if (a.specialty) out.specialty = { code: hl7Escape(a.specialty.code), codingScheme: hl7Escape(a.specialty.codingScheme), display: hl7Escape(a.specialty.display) };
  if (a.mail) out.telecom = `^^Internet^${hl7Escape(a.mail)}`;
  return out;
}

function insOf(ids: ReadonlyArray<{ root: string; extension?: string }>): string | undefined {
  return ids.find((i) => INS_OIDS.includes(i.root) && i.extension)?.extension;
}

/** Packs the documents. Throws PatientError (identity, mixed patients) or XdmError; never returns a partial archive. */
export function packXdm(input: XdmPackInput): XdmPackResult {
  const patient = normalisePatient(input.patient);
  const title = oneLine(input.title ?? '');
  if (!title) throw new XdmError('title-missing', documentText('xdm.title-missing'));
  if (input.documents.length === 0) throw new XdmError('no-document', documentText('xdm.no-document'));
  if (input.documents.length > 9999) throw new XdmError('too-many', documentText('xdm.too-many', { count: input.documents.length }));
  const now = input.now ?? new Date();
  const uuid = input.uuid ?? (() => crypto.randomUUID());
  const nextId = () => `urn:uuid:${uuid()}`;

  const cdas = input.documents.map((d) => (/xml/i.test(d.mimeType) ? inspectCda(d.bytes) : null));
  // One patient per message: the DI's metadata and each CDA's recordTarget must name the message's patient.
  const stated: Array<Pick<PatientIdentity, 'ins' | 'ipp'>> = [patient];
  input.documents.forEach((d, i) => {
    if (d.patient) stated.push(d.patient);
    const ins = cdas[i] ? insOf(cdas[i]!.patientIds) : undefined;
    if (ins && patient.ins) stated.push({ ins: { matricule: ins, qualified: false } });
    else if (ins && !patient.ins) throw new PatientError('mixed-patients', documentText('patient.mixed'));
  });
  assertOnePatient(stated);

  const patientId = xdmPatientId(patient);
  const sourcePatientId = xdmSourcePatientId(patient);
  const sourcePatientInfo = [
    `PID-5|${hl7Escape(patient.family.toLocaleUpperCase('fr-FR'))}^${hl7Escape(patient.given)}^^^^^L`,
    `PID-7|${patient.birthDate.replace(/-/g, '')}`,
    ...(patient.sex ? [`PID-8|${patient.sex}`] : []),
  ];

  const files: Zippable = {};
  const resolved: ResolvedEntry[] = [];
  const indexEntries: IndexEntry[] = [];
  const entries: XdmPackResult['entries'] = [];
  const attachments: XdmAttachment[] = [];
  const copyNames = new Set<string>();
  const pdfCopies: XdmAttachment[] = [];

  input.documents.forEach((d, i) => {
    const docTitle = oneLine(d.title) || title;
    if (d.bytes.length === 0) throw new XdmError('empty-document', documentText('xdm.empty-document', { name: docTitle }));
    const cda = cdas[i];
    const uri = xdmDocumentName(i + 1, d.mimeType, d.fileName);
    const path = `IHE_XDM/SUBSET01/${uri}`;
    const typeCode = d.typeCode ?? (cda?.code ? { code: cda.code.code, codingScheme: cda.code.codeSystem ?? OID.loinc, display: cda.code.displayName ?? cda.code.code } : loincType('11488-4'));
    const hashHex = sha1Hex(d.bytes);
    const created = d.creationTime ?? now;
    const uniqueId = d.uniqueId ?? uuidToOid(uuid());
    const mimeType = oneLine(d.mimeType).toLowerCase();
    resolved.push({
      entryUuid: nextId(),
      uniqueId,
      uri,
      mimeType,
      title: docTitle,
      hashHex,
      size: d.bytes.length,
      creationTime: hl7DateTime(created),
      serviceStartTime: d.serviceStartTime ? hl7DateTime(d.serviceStartTime) : undefined,
      serviceStopTime: d.serviceStopTime ? hl7DateTime(d.serviceStopTime) : undefined,
      languageCode: 'fr-FR',
      classCode: d.classCode ?? classFor(typeCode),
      typeCode,
      formatCode: d.formatCode ?? DEFAULTS.format,
      confidentiality: d.confidentiality?.length ? d.confidentiality : [DEFAULTS.confidentiality],
      healthcareFacilityType: d.healthcareFacilityType ?? DEFAULTS.healthcareFacilityType,
      practiceSetting: d.practiceSetting ?? DEFAULTS.practiceSetting,
      eventCodes: d.eventCodes ?? [],
    });
    files[path] = [d.bytes, { level: STORED.test(mimeType) ? 0 : 6 }];
    indexEntries.push({ path, title: docTitle, mimeType, size: d.bytes.length });
    entries.push({ path, uniqueId, hashHex, size: d.bytes.length, mimeType, typeCode: typeCode.code, cda: cda !== null && cda !== undefined });
    if (mimeType === 'application/pdf' && input.pdfCopy !== false) {
      let name = pdfCopyName({ date: created, type: d.typeLabel ?? typeCode.code, patient });
      for (let n = 2; copyNames.has(name); n++) name = name.replace(/(?:-\d+)?\.pdf$/, `-${n}.pdf`);
      copyNames.add(name);
      pdfCopies.push({ name, contentType: 'application/pdf', bytes: d.bytes });
    }
  });

  const setUuid = nextId();
  const submissionTime = hl7DateTime(now);
  const firstType = resolved[0]!.typeCode;
  const metadataXml = buildMetadataXml({
    entryUuid: setUuid,
    uniqueId: uuidToOid(uuid()),
    sourceId: input.sourceId ?? uuidToOid(uuid()),
    submissionTime,
    title,
    contentTypeCode: input.contentTypeCode ?? firstType,
    intendedRecipients: (input.recipients ?? []).map((r) => `||^^Internet^${hl7Escape(r)}`),
    patientId,
    sourcePatientId,
    sourcePatientInfo,
    author: authorOf(input.author),
    entries: resolved,
    nextId,
  });
  const readme = buildReadme(input.sender, indexEntries);
  const indexHtml = buildIndexHtml(input.sender, title, indexEntries);
  files['README.TXT'] = [strToU8(readme), { level: 6 }];
  files['INDEX.HTM'] = [strToU8(indexHtml), { level: 6 }];
  files['IHE_XDM/SUBSET01/METADATA.XML'] = [strToU8(metadataXml), { level: 6 }];
  // Fixed order: README, INDEX, METADATA, documents.
  const ordered: Zippable = {};
  for (const k of ['README.TXT', 'INDEX.HTM', 'IHE_XDM/SUBSET01/METADATA.XML']) ordered[k] = files[k]!;
  for (const e of entries) ordered[e.path] = files[e.path]!;
  const zip = zipSync(ordered, { mtime: now });

  attachments.push({ name: 'IHE_XDM.ZIP', contentType: 'application/zip', bytes: zip }, ...pdfCopies);
  const recipients = input.recipients ?? [];
  const { headers, notices } = mssHeaders({
    cdaCodes: entries.filter((e) => e.cda).map((e) => e.typeCode),
    patient,
    nil: input.policy?.nil,
    recipients,
    allowPatientReply: input.allowPatientReply,
    readReceiptTo: input.readReceiptTo,
  });
  const size = checkMessageSize({ attachmentBytes: attachments.map((a) => a.bytes.length), operatorLimitBytes: input.policy?.operatorLimitBytes, toPatient: writesToPatient(recipients) });
  return { attachments, zip, subject: xdmSubject(title, patient), headers, size, notices, entries, metadataXml, indexHtml, readme };
}
