// Plain types shared by every host. No behaviour here.

/** A user-facing text in French (first) and English. */
export interface LocalizedText {
  fr: string;
  en: string;
}

export type Language = 'fr' | 'en';

/** An attachment as the send check sees it: names and sizes only, never the bytes. */
export interface AttachmentInfo {
  name: string;
  contentType?: string;
  size?: number;
  /**
   * Matricules INS of the patients a CDA document or an IHE_XDM.ZIP attachment names, read by the host with
   * `attachmentPatients` of shared/send-check (never the bytes themselves).
   */
  patientIns?: string[];
}

/** The message about to be sent, as a host adapter reads it from its compose window. */
export interface Draft {
  /** The sending identity, as typed or configured (may carry a display name). */
  from: string;
  /** Each entry is one recipient field as typed: it may hold a display name or several addresses. */
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** Plain text of the body (hosts convert HTML to text before calling the core). */
  body: string;
  attachments: AttachmentInfo[];
  /** Recipients the host knows to be distribution lists whose members it cannot see (Outlook). */
  distributionLists?: string[];
  /** The other sending identities the client offers (Thunderbird identities), to suggest an MSSanté one. */
  identities?: string[];
}

export type RecipientCategory = 'mssante' | 'patient' | 'patient-invalid' | 'consumer' | 'internal' | 'external' | 'invalid';

/** Why a domain that is not on the liste blanche looks like one that is. */
export interface Lookalike {
  kind: 'unlisted-mssante-subdomain' | 'homoglyph' | 'extra-label' | 'typo';
  /** The listed domain it imitates. */
  resembles: string;
}

export interface RecipientResult {
  /** The field as typed. */
  input: string;
  /** The normalised address (lower-case IDNA domain), or null when the field did not parse. */
  address: string | null;
  category: RecipientCategory;
  /** Stable machine code of the reason, e.g. `mssante.listed`, `invalid.syntax`. */
  reasonCode: string;
  reason: LocalizedText;
  lookalike?: Lookalike;
  /** For an MSSanté address the directory does not know: the closest listed addresses ("vous vouliez dire …?"). */
  didYouMean?: { address: string; label: LocalizedText }[];
  /** Where the recipient was written. */
  field: 'to' | 'cc' | 'bcc';
}

export type VerdictKind = 'allow' | 'warn' | 'block';

/** Something in the message that looks like personal health data. */
export interface Finding {
  /** Detector code, e.g. `nir`, `clinical-context`, `report-attachment`. */
  kind: string;
  /** Where it was found. */
  source: 'subject' | 'body' | 'attachment';
  /** Offsets in the scanned text (for attachments: in the attachment name). */
  start: number;
  end: number;
  /** A masked excerpt for the user's eyes only; never logged, never sent anywhere. */
  excerpt: string;
  weight: number;
  label: LocalizedText;
}

/** What a health-data scan of a draft reports. */
export interface HealthDataReport {
  containsHealthData: boolean;
  findings: Finding[];
  score: number;
}

export interface Verdict {
  verdict: VerdictKind;
  recipients: RecipientResult[];
  findings: Finding[];
  /** One message that says what is wrong and what to do instead. */
  message: LocalizedText;
  /** Stable codes of every reason the verdict rests on. */
  reasons: string[];
  /** Sender's classification. */
  sender: { address: string | null; category: RecipientCategory };
  /** Notes about the trust in the liste blanche used (e.g. a stale list). */
  notices: LocalizedText[];
  /** An MSSanté identity of the client to send from instead, when a non-MSSanté one sends health data. */
  switchIdentity?: string;
  /** In audit mode (`verdict` is then always `allow`): what the simulated mode would have answered. */
  audit?: { verdict: VerdictKind; reasons: string[]; message: LocalizedText };
}

/** One mailbox of the Annuaire Santé. */
export interface DirectoryEntry {
  address: string;
  type: 'PER' | 'ORG' | 'APP' | 'CAB' | string;
  civility?: string;
  familyName?: string;
  givenName?: string;
  displayName: string;
  profession?: string;
  specialty?: string;
  rpps?: string;
  organisation?: string;
  service?: string;
  postcode?: string;
  city?: string;
  department?: string;
  /** Other places of the same mailbox (the extraction repeats an address on several lines). */
  otherPlaces?: { organisation?: string; service?: string; postcode?: string; city?: string }[];
}
