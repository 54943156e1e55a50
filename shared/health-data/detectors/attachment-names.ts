// Attachments by name and type: reports, prescriptions, lab results, imaging (CR_…, compte-rendu, ordonnance, bilan…),
// and structured health formats (CDA, HPRIM, HL7, DICOM, IHE_XDM.ZIP). Names and types only: the bytes are never read.
import type { AttachmentInfo } from '../../model';
import { attachmentLexicon, perLexicon } from '../lexicon';
import { foldString } from '../fold';
import { maskOutside } from '../mask';
import { TextContext } from '../text-context';
import type { AttachmentDetector, Signal } from '../types';

/** File systems stop at 255 characters: what lies beyond is not a file name and is not read. */
const MAX_NAME = 255;

/** File name without directories. */
function baseName(name: string): string {
  const i = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return i >= 0 ? name.slice(i + 1) : name;
}

const categories = perLexicon((lex) => ({
  format: lex.category('health-format'),
  formatWords: lex.idsOf('health-format'),
  administrative: lex.category('administrative-name'),
  named: ['report-name', 'prescription-name', 'lab-name', 'imaging-name', 'weak-report-name'].map((n) => lex.category(n)),
}));

const kinds = new Map<string, string>();
/** The finding kind of a category: `report-name` → `attachment-report`. */
function kindOf(category: string): string {
  let kind = kinds.get(category);
  if (kind === undefined) {
    kind = category === 'weak-report-name' ? 'attachment-possible-report' : `attachment-${category.replace(/-name$/, '')}`;
    kinds.set(category, kind);
  }
  return kind;
}

/** True when one of the words of s (split on anything but letters and digits) is a health-format word. */
function hasFormatWord(s: string, words: ReadonlySet<number>, exact: (w: string) => number): boolean {
  for (const w of foldString(s).split(/[^a-z0-9]+/)) if (w && words.has(exact(w))) return true;
  return false;
}

export const attachmentNamesDetector: AttachmentDetector = {
  id: 'attachment-names',
  target: 'attachment',
  detect(attachment: AttachmentInfo, index: number): Signal[] {
    const lex = attachmentLexicon();
    const name = typeof attachment.name === 'string' ? attachment.name : '';
    const full = baseName(name);
    const offset = name.length - full.length;
    // A name too long to be real: its start and its extension are read.
    const base =
      full.length > MAX_NAME
        ? `${full.slice(0, MAX_NAME - 16)}${full.slice(full.lastIndexOf('.') > full.length - 16 ? full.lastIndexOf('.') : full.length)}`
        : full;
    const dot = base.lastIndexOf('.');
    const stem = dot > 0 ? base.slice(0, dot) : base;
    const ext = dot > 0 ? base.slice(dot + 1) : '';
    const ctx = new TextContext(stem, lex);
    const { format, formatWords, administrative: adminCategory, named } = categories(lex);
    const administrative = ctx.hitsOf(adminCategory.index).length > 0;
    const exact = (w: string) => lex.exact(w);
    const out: Signal[] = [];
    const signal = (cat: { name: string; weight: number; label: Signal['label'] }, start: number, end: number): Signal => ({
      kind: kindOf(cat.name),
      role: 'attachment',
      start: offset + start,
      end: offset + end,
      attachment: index,
      weight: cat.weight,
      key: `attachment:${index}:${cat.name}`,
      label: cat.label,
      excerpt: maskOutside(base, [
        [start, end],
        [dot > 0 ? dot : base.length, base.length],
      ]),
    });

    // Structured formats: by extension, by content type, IHE_XDM anywhere, "cda" in an XML file.
    if (ext && formatWords.has(exact(foldString(ext)))) out.push(signal(format, dot, base.length));
    else if (attachment.contentType && hasFormatWord(attachment.contentType, formatWords, exact)) out.push(signal(format, 0, base.length));
    else {
      for (const h of ctx.hitsOf(format.index)) {
        const words = lex.phrases[h.phrase]!.term;
        if (words === 'ihe xdm' || words === 'dicomdir' || (words === 'cda' && /^xml$/i.test(ext))) {
          out.push(signal(format, h.start, h.end));
          break;
        }
      }
    }

    for (const cat of named) {
      if (administrative && (cat.name === 'report-name' || cat.name === 'weak-report-name')) continue;
      const h = ctx.hitsOf(cat.index)[0];
      if (h) out.push(signal(cat, h.start, h.end));
    }
    // A suggestive name counts only when nothing stronger was found in the same file.
    return out.some((s) => s.weight >= 1) ? out.filter((s) => s.weight >= 1) : out;
  },
};
