// What a detector reports and how detectors plug in.
import type { AttachmentInfo, LocalizedText } from '../model';
import type { TextContext } from './text-context';

/**
 * identifier: enough alone (a NIR, a patient's MSSanté address);
 * attachment: a file name or type (weight 1 alone, less when only suggestive);
 * person / clinical: count only together, near each other.
 */
export type SignalRole = 'identifier' | 'attachment' | 'person' | 'clinical';

export interface Signal {
  kind: string;
  role: SignalRole;
  /** Offsets in the scanned text, or in the attachment name. */
  start: number;
  end: number;
  /** For attachment signals: the attachment's index in the draft. */
  attachment?: number;
  weight: number;
  /** An identifier whose weight rises to 1 when a person or clinical signal is near (a bare 15-digit number with a valid key). */
  needsContext?: boolean;
  /** Distinct clinical facts count once: a vocabulary phrase index, a position, or a fixed name. */
  key: string | number;
  label: LocalizedText;
  /** Masked: never the raw identifier or name. Absent for clinical text, masked from the text when reported. */
  excerpt?: string;
}

export interface TextDetector {
  id: string;
  target: 'text';
  /**
   * 'clinical': its signals only ever count near a person designation or a bare identifier, so the scan skips it
   * when the text has neither (most mail), which keeps clinical-vocabulary floods cheap.
   */
  evidence?: 'clinical';
  detect(ctx: TextContext): Signal[];
}

export interface AttachmentDetector {
  id: string;
  target: 'attachment';
  detect(attachment: AttachmentInfo, index: number): Signal[];
}

export type Detector = TextDetector | AttachmentDetector;
