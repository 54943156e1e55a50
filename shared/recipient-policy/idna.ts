// Domain names to their ASCII (IDNA) form, small enough for every bundle.
//
// UTS #46 processing (the tr46 package) weighs ≈ 240 KB minified, more than the whole Outlook send-check bundle may
// (150 KB). This reading does what the check needs: the UTS #46 label separators, NFKC + lower case for the mapping,
// Punycode (the punycode package) for the encoding, and a refusal of anything that is not a letter, mark, digit or
// hyphen. No listed domain has a non-ASCII label, so a non-ASCII domain is never inside the MSSanté space whatever its
// exact mapping; a test compares this function with tr46 on generated domains.
import punycode from 'punycode/punycode.js';
import { propertyRegex } from '../text/unicode-regex';

const SEPARATORS = /[\u002E\u3002\uFF0E\uFF61]/g;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Letters, marks, digits and hyphens (an approximation on engines older than ES2018: no ASCII punctuation, controls,
// spaces or Unicode punctuation blocks).
const UNICODE_LABEL = propertyRegex(
  '^[\\p{L}\\p{M}\\p{N}-]+$',
  'u',
  /^[^\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\ufff0-\uffff]+$/,
);

export function domainToAscii(input: string): string | null {
  const mapped = input.replace(SEPARATORS, '.').normalize('NFKC').toLowerCase();
  if (!mapped || mapped.length > 1000) return null;
  const labels = mapped.split('.');
  const out: string[] = [];
  for (const label of labels) {
    if (!label) return null;
    let ascii: string;
    if (/^[\x00-\x7f]*$/.test(label)) {
      if (!ASCII_LABEL.test(label)) return null;
      if (label.startsWith('xn--')) {
        // An A-label must decode, and its decoded form must itself be a valid label that encodes back the same way.
        let decoded: string;
        try {
          decoded = punycode.decode(label.slice(4));
        } catch {
          return null;
        }
        if (!decoded || /^[\x00-\x7f]*$/.test(decoded) || !UNICODE_LABEL.test(decoded) || decoded.normalize('NFKC').toLowerCase() !== decoded) return null;
        if (`xn--${punycode.encode(decoded)}` !== label) return null;
      }
      ascii = label;
    } else {
      if (!UNICODE_LABEL.test(label) || label.startsWith('-') || label.endsWith('-')) return null;
      ascii = `xn--${punycode.encode(label)}`;
    }
    if (ascii.length > 63) return null;
    out.push(ascii);
  }
  const result = out.join('.');
  return result.length <= 253 ? result : null;
}

/** The Unicode form of an ASCII domain, for display and look-alike comparison; the input when it cannot decode. */
export function domainToUnicode(ascii: string): string {
  return ascii
    .split('.')
    .map((l) => {
      if (!l.startsWith('xn--')) return l;
      try {
        return punycode.decode(l.slice(4));
      } catch {
        return l;
      }
    })
    .join('.');
}
