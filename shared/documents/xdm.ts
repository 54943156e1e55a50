// Packs DI documents as a receiving DPI and Mon espace santé expect them: IHE_XDM.ZIP (ITI-32) holding CDA documents,
// whose metadata come from each CDA's own header, the PDF copy beside it, the subject and the X-MSS headers.
// Pure: bytes in, bytes out; clock and id generator injectable for reproducible archives.
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { LocalizedText } from '../model';
import { wrapInCdaN1 } from './cda';
import { DEFAULTS, loincType, DEFAULT_TYPE_CODE, OID, type Coded } from './codes';
import { contentTypeCode, isContentTypeCode } from './content-type';
import { planContent, type PlannedCda } from './content-plan';
import { entryOfCda, xcn, xon, type EntryFacts } from './entry-of-cda';
import { XdmError } from './errors';
import { sha1Hex } from './hash';
import { mssHeaders, recipientAddresses, writesToPatient } from './headers';
import { mergePatient, patientOfCda, type StatedPatient } from './identity';
import { buildIndexHtml, buildReadme, type IndexEntry } from './index-files';
import { mergeMasking } from './masking';
import { buildMetadataXml, type ResolvedAuthor, type ResolvedEntry } from './metadata';
import { documentText } from './messages';
import { pdfCopyName, xdmDocumentName, xdmSubject } from './naming';
import { assertOnePatient, normalisePatient, PatientError, xdmPatientId, xdmSourcePatientId, type PatientIdentity } from './patient';
import { checkMessageSize } from './size';
import { derivedSourceId, isOid } from './source-id';
import { hl7DateTime, hl7Escape, oneLine, uuidToOid } from './text';
import type { XdmAttachment, XdmAuthor, XdmPackInput, XdmPackResult } from './xdm-types';

export * from './xdm-types';
export { XdmError } from './errors';

function senderAuthor(a: XdmAuthor | undefined): ResolvedAuthor {
  if (!a) return {};
  const out: ResolvedAuthor = {};
  const person = xcn(a.idNat ? { root: OID.idNatPs, extension: a.idNat } : undefined, a.family, a.given);
  if (person) out.person = person;
  const institution = a.institution
    ? xon({ name: a.institution.name, ...(a.institution.idNat ? { id: { root: OID.idNatStruct, extension: a.institution.idNat } } : {}) })
    : undefined;
  if (institution) out.institution = institution;
  if (a.role) out.role = hl7Escape(a.role);
  if (a.specialty)
    out.specialty = { code: hl7Escape(a.specialty.code), codingScheme: hl7Escape(a.specialty.codingScheme), display: hl7Escape(a.specialty.display) };
  if (a.mail) out.telecom = `^^Internet^${hl7Escape(a.mail)}`;
  return out;
}

/** The patient: each CDA's recordTarget, completed by what was stated; one patient per message. */
function resolvePatient(plan: PlannedCda[], stated: StatedPatient): PatientIdentity {
  let merged: StatedPatient = stated;
  const ids: Array<Pick<PatientIdentity, 'ins' | 'ipp'>> = [];
  plan.forEach((p, i) => {
    if (!p.cda) return;
    const fromCda = patientOfCda(p.cda.doc);
    if (fromCda.ins || fromCda.ipp)
      ids.push({ ...(fromCda.ins ? { ins: { ...fromCda.ins, qualified: true } } : {}), ...(fromCda.ipp ? { ipp: fromCda.ipp } : {}) });
    if (i === 0 || !merged.ins) merged = mergePatient(fromCda, merged);
  });
  for (const p of plan) if (p.source.patient) ids.push(p.source.patient);
  const patient = normalisePatient(merged as PatientIdentity);
  assertOnePatient([patient, ...ids]);
  return patient;
}

function codeOrDefault(code: string | undefined, scheme: string, fallback: Coded): Coded {
  return code && code !== fallback.code ? { code, codingScheme: scheme, display: code } : fallback;
}

/** Packs the documents. Throws PatientError, XdmError or HeaderError; never returns a partial archive. */
export function packXdm(input: XdmPackInput): XdmPackResult {
  if (input.documents.length === 0) throw new XdmError('no-document', documentText('xdm.no-document'));
  if (input.documents.length > 9999) throw new XdmError('too-many', documentText('xdm.too-many', { count: input.documents.length }));
  const now = input.now ?? new Date();
  const uuid = input.uuid ?? (() => crypto.randomUUID());
  const nextId = () => `urn:uuid:${uuid()}`;
  const policy = input.policy ?? {};
  const notices: LocalizedText[] = [];
  const recipients = recipientAddresses(input.recipients ?? []);
  const facilityDefault = contentTypeCode(policy.healthcareFacilityType ?? '') ?? DEFAULTS.healthcareFacilityType;
  const settingDefault = codeOrDefault(policy.practiceSetting, OID.cadreExercice, DEFAULTS.practiceSetting);

  const plan = planContent(input.documents);
  const patient = resolvePatient(plan, input.patient ?? {});
  const masking = mergeMasking(input.masking, undefined);
  if (plan.some((p) => mergeMasking(masking, p.source.masking).invisibleToPatient) && writesToPatient(recipients)) {
    throw new XdmError('masked-to-patient', documentText('xdm.masked-to-patient'));
  }

  // A bare DI document becomes a CDA level 1 with the patient and the author the DI gives (else the sender).
  for (const p of plan) {
    if (p.cda) continue;
    const d = p.source;
    const author = d.author ?? input.author ?? {};
    p.cda = wrapInCdaN1({
      content: d.bytes,
      mediaType: oneLine(d.mimeType).toLowerCase().split(';')[0]!,
      uniqueId: d.uniqueId && isOid(d.uniqueId) ? d.uniqueId : uuidToOid(uuid()),
      type: d.typeCode ?? loincType(DEFAULT_TYPE_CODE),
      title: oneLine(d.title) || oneLine(input.title ?? '') || 'Document',
      effectiveTime: d.creationTime ?? now,
      ...(d.serviceStartTime ? { serviceStart: d.serviceStartTime } : {}),
      ...(d.serviceStopTime ? { serviceStop: d.serviceStopTime } : {}),
      patient,
      author: {
        idNat: author.idNat,
        family: author.family,
        given: author.given,
        organisation: author.institution ?? input.author?.institution ?? { name: oneLine(input.sender.organisation) || 'Établissement' },
      },
      facilityType: d.healthcareFacilityType ?? facilityDefault,
      practiceSetting: d.practiceSetting ?? settingDefault,
    });
  }

  const facts: EntryFacts[] = plan.map((p) =>
    entryOfCda(p.cda!.doc, mergeMasking(masking, p.source.masking), {
      ...(p.source.typeCode ? { typeCode: p.source.typeCode } : {}),
      ...(p.source.formatCode ? { formatCode: p.source.formatCode } : {}),
      facilityType: p.source.healthcareFacilityType ?? facilityDefault,
      practiceSetting: p.source.practiceSetting ?? settingDefault,
    }),
  );
  const title = oneLine(input.title ?? '') || oneLine(facts[0]!.title ?? '') || facts[0]!.typeLabel;
  if (!title) throw new XdmError('title-missing', documentText('xdm.title-missing'));

  const sourcePatientInfo = [
    `PID-5|${hl7Escape(patient.family.toLocaleUpperCase('fr-FR'))}^${hl7Escape(patient.given)}^^^^^L`,
    `PID-7|${patient.birthDate.replace(/-/g, '')}`,
    ...(patient.sex ? [`PID-8|${patient.sex}`] : []),
  ];
  const ordered: Zippable = {};
  const resolved: ResolvedEntry[] = [];
  const indexEntries: IndexEntry[] = [];
  const entries: XdmPackResult['entries'] = [];
  const copies: XdmAttachment[] = [];
  plan.forEach((p, i) => {
    const f = facts[i]!;
    const bytes = p.cda!.bytes;
    const uri = xdmDocumentName(i + 1, 'text/xml');
    const path = `IHE_XDM/SUBSET01/${uri}`;
    const docTitle = oneLine(f.title ?? '') || oneLine(p.source.title) || title;
    const hashHex = sha1Hex(bytes);
    resolved.push({ entryUuid: nextId(), uri, mimeType: 'text/xml', title: docTitle, hashHex, size: bytes.length, ...f });
    ordered[path] = [bytes, { level: 6 }];
    indexEntries.push({ path, title: docTitle, mimeType: 'text/xml', size: bytes.length });
    entries.push({
      path,
      uniqueId: f.uniqueId,
      hashHex,
      size: bytes.length,
      mimeType: 'text/xml',
      typeCode: f.typeCode.code,
      cda: true,
      wrapped: p.cda!.bytes !== p.source.bytes,
    });
    if (p.copy) {
      let name = pdfCopyName({ actDate: f.actDate, typeLabel: f.typeLabel, patient });
      for (let n = 2; copies.some((c) => c.name === name); n++) name = name.replace(/(?:-\d+)?\.pdf$/, `-${n}.pdf`);
      copies.push({ name, contentType: 'application/pdf', bytes: p.copy });
    }
  });

  let content = contentTypeCode(policy.contentTypeCode ?? '');
  if (policy.contentTypeCode && !content) throw new XdmError('content-type', documentText('xdm.content-type', { code: oneLine(policy.contentTypeCode) }));
  content ??= isContentTypeCode(facts[0]!.healthcareFacilityType) ? facts[0]!.healthcareFacilityType : facilityDefault;
  let sourceId = policy.sourceId && isOid(policy.sourceId) ? policy.sourceId : undefined;
  if (!sourceId) {
    notices.push(documentText('xdm.no-source-id'));
    sourceId = derivedSourceId(input.sender.organisation);
  }
  const sender = senderAuthor(input.author);
  const metadataXml = buildMetadataXml({
    entryUuid: nextId(),
    uniqueId: uuidToOid(uuid()),
    sourceId,
    submissionTime: hl7DateTime(now),
    title,
    contentTypeCode: content,
    intendedRecipients: recipients.map((r) => `||^^Internet^${hl7Escape(r)}`),
    patientId: xdmPatientId(patient),
    sourcePatientId: xdmSourcePatientId(patient),
    sourcePatientInfo,
    author: sender.person || sender.institution ? sender : resolved[0]!.author,
    entries: resolved,
    nextId,
  });
  const readme = buildReadme(input.sender, indexEntries);
  const indexHtml = buildIndexHtml(input.sender, title, indexEntries);
  // Fixed order: README, INDEX, METADATA, documents.
  const files: Zippable = {
    'README.TXT': [strToU8(readme), { level: 6 }],
    'INDEX.HTM': [strToU8(indexHtml), { level: 6 }],
    'IHE_XDM/SUBSET01/METADATA.XML': [strToU8(metadataXml), { level: 6 }],
    ...ordered,
  };
  const zip = zipSync(files, { mtime: now });
  const attachments: XdmAttachment[] = [{ name: 'IHE_XDM.ZIP', contentType: 'application/zip', bytes: zip }, ...copies];

  const wantsReceipt = input.readReceipt ?? (input.readReceiptTo !== undefined ? true : policy.readReceipt === true);
  if (wantsReceipt && !input.readReceiptTo) notices.push(documentText('xdm.receipt-no-address'));
  const h = mssHeaders({
    cdaCodes: entries.map((e) => e.typeCode),
    patient,
    nil: policy.nil,
    recipients,
    allowPatientReply: input.allowPatientReply,
    ...(wantsReceipt && input.readReceiptTo ? { readReceiptTo: input.readReceiptTo } : {}),
  });
  const size = checkMessageSize({
    attachmentBytes: attachments.map((a) => a.bytes.length),
    operatorLimitBytes: policy.operatorLimitBytes,
    toPatient: writesToPatient(recipients),
  });
  return {
    attachments,
    zip,
    subject: xdmSubject(title, patient),
    headers: h.headers,
    size,
    notices: [...h.notices, ...notices],
    patient,
    entries,
    metadataXml,
    indexHtml,
    readme,
  };
}

export { PatientError };
