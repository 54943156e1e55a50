// The content a level-1 CDA carries in `nonXMLBody/text` (base64): the PDF the receiver prints, sent beside the archive.
import { base64ToBytes } from '../hash';
import type { CdaDocument } from './read';

export interface EmbeddedContent {
  mediaType: string;
  bytes: Uint8Array;
}

/** The decoded body of a level-1 document, or null (structured body, reference instead of content, bad base64). */
export function embeddedContent(doc: CdaDocument): EmbeddedContent | null {
  if (doc.body?.kind !== 'nonXML' || !doc.body.mediaType) return null;
  if ((doc.body.representation ?? 'TXT').toUpperCase() !== 'B64') return null;
  const bytes = base64ToBytes(doc.body.text);
  return bytes && bytes.length > 0 ? { mediaType: doc.body.mediaType.toLowerCase(), bytes } : null;
}
