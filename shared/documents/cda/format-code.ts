// The XDS formatCode of a CDA document, as the CI-SIS tables give it: from the media type of a level-1 body, from the
// document model (templateId) of a structured one (data/format-codes.json, with its sources).
import type { Coded } from '../codes';
import table from '../data/format-codes.json';
import type { CdaDocument } from './read';

const byMediaType = table.nonXmlBody as Record<string, Coded>;
const byTemplate = table.templates as Record<string, Coded>;

/** The media types a level-1 CDA may carry (TRE_R222): what Vigie can wrap. */
export const CDA_N1_MEDIA_TYPES = Object.keys(byMediaType);

export function formatCodeOfMediaType(mediaType: string): Coded | undefined {
  return byMediaType[mediaType.toLowerCase()];
}

/** The formatCode of the document, or undefined when its body or model is not in the CI-SIS tables. */
export function formatCodeOf(doc: CdaDocument): Coded | undefined {
  if (doc.body?.kind === 'nonXML') return doc.body.mediaType ? formatCodeOfMediaType(doc.body.mediaType) : undefined;
  for (const t of doc.templateIds) if (byTemplate[t]) return byTemplate[t];
  return undefined;
}
