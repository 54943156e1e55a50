// Names MSSanté receivers route on: 8.3 file names inside the archive, the PDF copy's name, the message subject.
import type { PatientIdentity } from './patient';
import { oneLine, parseIsoDate, upperName, withoutAccents } from './text';

const EXT_BY_MIME: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/xml': 'XML',
  'application/xml': 'XML',
  'application/hl7-cda+xml': 'XML',
  'text/plain': 'TXT',
  'text/rtf': 'RTF',
  'application/rtf': 'RTF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/tiff': 'TIF',
  'text/html': 'HTM',
};

/** The 3-letter upper-case extension of a document, from its MIME type, else its file name, else `BIN`. */
export function extensionFor(mimeType: string, fileName?: string): string {
  const byMime = EXT_BY_MIME[mimeType.toLowerCase().split(';')[0]!.trim()];
  if (byMime) return byMime;
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName ?? '');
  if (m) return m[1]!.toUpperCase().slice(0, 3);
  return 'BIN';
}

/** `DOC0001.PDF`: the ISO-9660 level-1 (8.3, upper-case) name of the n-th document (1-based). */
export function xdmDocumentName(index: number, mimeType: string, fileName?: string): string {
  if (!Number.isInteger(index) || index < 1 || index > 9999) throw new RangeError(`document index out of range: ${index}`);
  return `DOC${String(index).padStart(4, '0')}.${extensionFor(mimeType, fileName)}`;
}

/** A part of the PDF copy's name: accents removed, words joined by `_` (hyphens kept), nothing else. */
export function nameSegment(value: string): string {
  return withoutAccents(oneLine(value))
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
}

/**
 * The PDF copy's name, as the ANS examples write it: `<date of the act>_<document type label>_<NOM>_<PRÉNOM>.pdf`
 * (`20220531_CR_d_imagerie_medicale_CORSE_FIGATELLIX.pdf`), the file number added when known.
 */
export function pdfCopyName(args: { actDate: string; typeLabel: string; patient: Pick<PatientIdentity, 'family' | 'given' | 'caseNumber'> }): string {
  const parts = [
    args.actDate,
    nameSegment(args.typeLabel) || 'Document',
    nameSegment(upperName(args.patient.family)),
    nameSegment(upperName(args.patient.given)),
  ];
  const caseNumber = args.patient.caseNumber ? nameSegment(args.patient.caseNumber) : '';
  if (caseNumber) parts.push(caseNumber);
  return `${parts.filter(Boolean).join('_')}.pdf`;
}

/** Longest title kept in the subject (receivers display the subject in lists). */
export const SUBJECT_TITLE_MAX = 80;

/**
 * `XDM/1.0/DDM+<libellé> <NOM> <prénom> <JJ/MM/AAAA>`: the subject of a message carrying an IHE_XDM archive.
 * Every part is put on one line (no header injection); the title is cut at SUBJECT_TITLE_MAX characters.
 */
export function xdmSubject(title: string, patient: Pick<PatientIdentity, 'family' | 'given' | 'birthDate'>): string {
  const d = parseIsoDate(patient.birthDate);
  if (!d) throw new Error(`invalid birth date: ${patient.birthDate}`);
  let label = oneLine(title);
  if (label.length > SUBJECT_TITLE_MAX) label = label.slice(0, SUBJECT_TITLE_MAX).trimEnd();
  return `XDM/1.0/DDM+${label} ${upperName(patient.family)} ${oneLine(patient.given)} ${d.day}/${d.month}/${d.year}`;
}
