// The packer's refusals: each with a stable code and a French/English text that says what to fix.
import type { LocalizedText } from '../model';

export type XdmErrorCode =
  | 'no-document'
  | 'empty-document'
  | 'too-many'
  | 'title-missing'
  | 'not-cda'
  | 'cda-incomplete'
  | 'format-unknown'
  | 'unsupported-format'
  | 'content-type'
  | 'too-long'
  | 'masked-to-patient';

export class XdmError extends Error {
  constructor(
    readonly code: XdmErrorCode,
    readonly text: LocalizedText,
  ) {
    super(text.en);
    this.name = 'XdmError';
  }
}
