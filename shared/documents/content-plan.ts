// What goes where: the archive holds CDA documents only; a PDF travels beside it as the readable copy of its CDA
// (a level-1 CDA's own embedded PDF, or the DI's rendering of a structured one); a document the DI holds without a
// CDA is wrapped in a CDA R2 level-1 (XDS-SD) first.
import { CDA_N1_MEDIA_TYPES, embeddedContent, readCda, type CdaDocument } from './cda';
import { XdmError } from './errors';
import { documentText } from './messages';
import { oneLine } from './text';
import type { XdmDocument } from './xdm-types';

export interface PlannedCda {
  /** The document as given (for a wrapped one: the bare document it wraps). */
  source: XdmDocument;
  /** The CDA bytes and what they say; undefined until a bare document is wrapped. */
  cda?: { bytes: Uint8Array; doc: CdaDocument };
  /** The PDF sent beside the archive for this document. */
  copy?: Uint8Array;
}

const isXml = (d: XdmDocument) => /xml/i.test(d.mimeType) || /\.xml$/i.test(d.fileName ?? '');
const isPdf = (d: XdmDocument) => /^application\/pdf\b/i.test(d.mimeType);
const mediaType = (d: XdmDocument) => oneLine(d.mimeType).toLowerCase().split(';')[0]!.trim();

/**
 * Sorts the documents: CDAs read (a non-CDA XML refused), PDFs paired with the CDA they render (same document type,
 * or the only CDA without a PDF of its own), the rest to be wrapped (refused when CDA level 1 cannot carry their type).
 */
export function planContent(documents: readonly XdmDocument[]): PlannedCda[] {
  const planned: PlannedCda[] = [];
  const bare: XdmDocument[] = [];
  for (const d of documents) {
    const name = oneLine(d.title || d.fileName || '');
    if (d.bytes.length === 0) throw new XdmError('empty-document', documentText('xdm.empty-document', { name }));
    if (isXml(d)) {
      const doc = readCda(d.bytes);
      if (!doc) throw new XdmError('not-cda', documentText('xdm.not-cda', { name }));
      const embedded = embeddedContent(doc);
      planned.push({ source: d, cda: { bytes: d.bytes, doc }, ...(embedded?.mediaType === 'application/pdf' ? { copy: embedded.bytes } : {}) });
    } else bare.push(d);
  }
  for (const d of bare) {
    if (isPdf(d)) {
      const withoutCopy = planned.filter((p) => p.cda && !p.copy);
      const sameType = d.typeCode ? withoutCopy.find((p) => p.cda!.doc.code?.code === d.typeCode!.code) : undefined;
      const rendered = sameType ?? (!d.typeCode && withoutCopy.length === 1 ? withoutCopy[0] : undefined);
      if (rendered) {
        rendered.copy = d.bytes;
        continue;
      }
    } else if (!CDA_N1_MEDIA_TYPES.includes(mediaType(d))) {
      throw new XdmError('unsupported-format', documentText('xdm.unsupported-format', { name: oneLine(d.title || d.fileName || ''), type: mediaType(d) }));
    }
    planned.push({ source: d, ...(isPdf(d) ? { copy: d.bytes } : {}) });
  }
  return planned;
}
