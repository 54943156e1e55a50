// What the packer takes and gives.
import type { LocalizedText } from '../model';
import type { Coded } from './codes';
import type { MailHeader } from './headers';
import type { StatedPatient } from './identity';
import type { SenderInfo } from './index-files';
import type { Masking } from './masking';
import type { PatientIdentity } from './patient';
import type { SizeCheck } from './size';

export interface XdmDocument {
  bytes: Uint8Array;
  mimeType: string;
  title: string;
  /** Original file name (tells an XML file apart when the MIME type is vague). */
  fileName?: string;
  /** Document type from the DI or the command line: types a bare document, fills a CDA that has no code. */
  typeCode?: Coded;
  /** formatCode for a CDA whose model is not in the CI-SIS tables. */
  formatCode?: Coded;
  healthcareFacilityType?: Coded;
  practiceSetting?: Coded;
  /** When the DI says the document was made (a bare document's CDA effectiveTime). */
  creationTime?: Date;
  serviceStartTime?: Date;
  serviceStopTime?: Date;
  /** The DI's uniqueId (an OID), kept as the wrapped CDA's id. */
  uniqueId?: string;
  /** The patient the DI files this document under: checked against the message's patient. */
  patient?: Pick<PatientIdentity, 'ins' | 'ipp'>;
  /** The DI's visibility flags for this document. */
  masking?: Masking;
  /** The document's author as the DI knows it (a bare document's CDA author); else the sender. */
  author?: XdmAuthor;
}

export interface XdmAuthor {
  /** National id of the professional (idNat_PS, e.g. `8` + RPPS): the Pro Santé Connect SubjectNameID. */
  idNat?: string;
  family?: string;
  given?: string;
  institution?: { name: string; idNat?: string };
  role?: string;
  specialty?: Coded;
  /** The author's MSSanté address. */
  mail?: string;
}

export interface XdmPolicy {
  /** X-MSS-NIL. */
  nil?: string;
  operatorLimitBytes?: number;
  /** XDS sourceId (OID). */
  sourceId?: string;
  /** JDV_J03 code of the submission set. */
  contentTypeCode?: string;
  /** Ask a read receipt unless the user says otherwise. */
  readReceipt?: boolean;
  /** TRE_R02 / TRE_A01 codes for documents whose CDA or DI says nothing. */
  healthcareFacilityType?: string;
  practiceSetting?: string;
}

export interface XdmPackInput {
  /** What the host or the command line knows of the patient: fills what the CDA lacks, never contradicts it. */
  patient?: StatedPatient;
  documents: XdmDocument[];
  /** The libellé of the subject and of the submission set (default: the first CDA's title). */
  title?: string;
  /** Who sends (the Pro Santé Connect identity): the submission set's author. */
  author?: XdmAuthor;
  sender: SenderInfo;
  /** Every recipient address of the message (intendedRecipient, X-MSS-MES, size and visibility rules). */
  recipients?: string[];
  /** Visibility flags chosen for every document (added to each document's own). */
  masking?: Masking;
  policy?: XdmPolicy;
  /** Ask for a read receipt (default: the policy's readReceipt). */
  readReceipt?: boolean;
  /** Where the read receipt goes (the sender's mailbox). */
  readReceiptTo?: string;
  allowPatientReply?: boolean;
  now?: Date;
  uuid?: () => string;
}

export interface XdmAttachment {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface XdmEntry {
  path: string;
  uniqueId: string;
  hashHex: string;
  size: number;
  mimeType: string;
  typeCode: string;
  cda: boolean;
  /** True when Vigie wrapped a bare DI document in this CDA. */
  wrapped: boolean;
}

export interface XdmPackResult {
  /** IHE_XDM.ZIP first, then the PDF copies. */
  attachments: XdmAttachment[];
  zip: Uint8Array;
  subject: string;
  headers: MailHeader[];
  size: SizeCheck;
  notices: LocalizedText[];
  /** The patient as the message names it (CDA first, then what was stated). */
  patient: PatientIdentity;
  /** What the archive holds, for display and logs (no content). */
  entries: XdmEntry[];
  metadataXml: string;
  indexHtml: string;
  readme: string;
}
