// The chooser's work once documents are picked: fetch them, pack them with everything the host knows (author,
// recipients, patient traits, visibility, read receipt), and plan what this mail client can set. No UI here.
import type { DocumentSummary } from '../../ports/document-source';
import {
  packXdm,
  planDelivery,
  type DeliveryHost,
  type DeliveryPlan,
  type Masking,
  type StatedPatient,
  type XdmAuthor,
  type XdmPackResult,
  type XdmPolicy,
  type SenderInfo,
  type InsOid,
} from '../../documents';
import { sha1Hex } from '../../documents/hash';
import { toXdmDocument } from '../../documents/mhd/to-xdm';

export interface PrepareInput {
  fetchDocument(ins: string, id: string): Promise<Uint8Array>;
  ins: string;
  chosen: DocumentSummary[];
  patient: { family: string; given: string; birthDate: string; sex?: 'M' | 'F'; caseNumber?: string };
  title: string;
  author?: XdmAuthor;
  sender: SenderInfo;
  recipients: string[];
  masking: Masking;
  readReceipt: boolean;
  readReceiptTo?: string;
  policy: XdmPolicy;
  host: DeliveryHost;
}

export interface Prepared {
  result: XdmPackResult;
  plan: DeliveryPlan;
}

export async function prepareAttachment(p: PrepareInput): Promise<Prepared> {
  const documents = [];
  for (const d of p.chosen) {
    const bytes = await p.fetchDocument(p.ins, d.id);
    documents.push(toXdmDocument({ summary: d, bytes, sha1Hex: sha1Hex(bytes) }));
  }
  // The INS counts as qualified only when the DI says so for this very matricule (a typed INS is not); its authority
  // (production, test, demonstration) is the one the DI files it under.
  const fromDi = p.chosen.map((d) => d.patient.ins).find((i) => i?.matricule?.toUpperCase() === p.ins);
  const qualified = p.chosen.every((d) => d.patient.ins?.matricule?.toUpperCase() === p.ins && d.patient.ins.qualified === true);
  const ipp = p.chosen.find((d) => d.patient.ipp)?.patient.ipp;
  const patient: StatedPatient = {
    ins: { matricule: p.ins, qualified, ...(fromDi?.oid ? { oid: fromDi.oid as InsOid } : {}) },
    ...(ipp ? { ipp } : {}),
    family: p.patient.family,
    given: p.patient.given,
    birthDate: p.patient.birthDate,
    ...(p.patient.sex ? { sex: p.patient.sex } : {}),
    ...(p.patient.caseNumber ? { caseNumber: p.patient.caseNumber } : {}),
  };
  const result = packXdm({
    patient,
    documents,
    ...(p.title ? { title: p.title } : {}),
    ...(p.author ? { author: p.author } : {}),
    sender: p.sender,
    recipients: p.recipients,
    masking: p.masking,
    policy: p.policy,
    readReceipt: p.readReceipt,
    ...(p.readReceiptTo ? { readReceiptTo: p.readReceiptTo } : {}),
  });
  return { result, plan: planDelivery(result.headers, p.host) };
}
