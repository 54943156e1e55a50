// An HL7 v2 message pasted in the text: its PID segment names the patient (PID-5 "FAMILY^Given") and often gives the
// birth date (PID-7). A message of a health information system about a named patient is health data by itself.
import type { TextContext } from '../text-context';
import type { Signal, TextDetector } from '../types';

/** "PID|" at the start of a line (segments end with a carriage return, pasted ones often with a line feed). */
const PID = /(?:^|[\r\n])[ \t]*PID\|/g;
/** A person name in HL7's XPN type: family name, a caret, a given name. */
const XPN = /^[^^|~\d]*[A-Za-zÀ-ÖØ-öø-ÿ][^^|~\d]*\^[^^|~\d]*[A-Za-zÀ-ÖØ-öø-ÿ]/;
/** Segments longer than this are not read further (a real PID segment is a few hundred characters). */
const MAX_SEGMENT = 2000;

export const hl7Detector: TextDetector = {
  id: 'hl7',
  target: 'text',
  detect(ctx: TextContext): Signal[] {
    const { text } = ctx;
    const out: Signal[] = [];
    if (text.indexOf('PID|') < 0) return out;
    PID.lastIndex = 0;
    for (let m = PID.exec(text); m; m = PID.exec(text)) {
      const start = m.index + m[0].indexOf('PID|');
      let end = start;
      while (end < text.length && end - start < MAX_SEGMENT && text.charCodeAt(end) !== 0x0d && text.charCodeAt(end) !== 0x0a) end++;
      const fields = text.slice(start, end).split('|');
      // PID-5 (patient name) is the fifth field after the segment name; repetitions are separated by "~".
      const names = (fields[5] ?? '').split('~');
      if (!names.some((n) => XPN.test(n))) continue;
      const birth = /^\d{8}/.test(fields[7] ?? '');
      out.push({
        kind: 'hl7-patient',
        role: 'identifier',
        start,
        end,
        weight: 1,
        key: 'hl7-patient',
        label: { fr: 'patient nommé (HL7)', en: 'named patient (HL7)' },
        excerpt: birth ? 'PID|…|***^***|…|********|' : 'PID|…|***^***|',
      });
      PID.lastIndex = Math.max(PID.lastIndex, end);
    }
    return out;
  },
};
