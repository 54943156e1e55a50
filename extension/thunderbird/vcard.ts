// vCard 4.0 (RFC 6350) for one Annuaire Santé mailbox, as Thunderbird's address-book provider takes it (MV3: a
// vCard string per result). Values are escaped (\\ , ; and newlines) and long lines folded at 75 octets.
import type { DirectoryEntry } from '../../shared/model';

const BAL_TYPE: Record<string, { fr: string; en: string }> = {
  PER: { fr: 'BAL personnelle', en: 'personal mailbox' },
  ORG: { fr: 'BAL organisationnelle', en: 'organisation mailbox' },
  APP: { fr: 'BAL applicative', en: 'application mailbox' },
  CAB: { fr: 'BAL de cabinet', en: 'practice mailbox' },
};

export function escapeValue(v: string): string {
  return v
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let cur = '';
  let size = 0;
  const limit = () => (parts.length ? 74 : 75);
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > limit()) {
      parts.push(cur);
      cur = '';
      size = 0;
    }
    cur += ch;
    size += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

/** A DirectoryEntry as a vCard 4.0 string: FN, N, EMAIL, ORG, TITLE (profession), ROLE (specialty), ADR, NOTE (RPPS, type). */
export function entryToVCard(e: DirectoryEntry, lang: 'fr' | 'en' = 'fr', extraNote = ''): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0'];
  const fn = e.displayName?.trim() || [e.givenName, e.familyName].filter(Boolean).join(' ') || e.address;
  lines.push(`FN:${escapeValue(fn)}`);
  if (e.familyName || e.givenName) lines.push(`N:${[e.familyName ?? '', e.givenName ?? '', '', e.civility ?? '', ''].map(escapeValue).join(';')}`);
  lines.push(`EMAIL;PREF=1:${escapeValue(e.address)}`);
  if (e.organisation || e.service) lines.push(`ORG:${[e.organisation ?? '', ...(e.service ? [e.service] : [])].map(escapeValue).join(';')}`);
  if (e.profession) lines.push(`TITLE:${escapeValue(e.profession)}`);
  if (e.specialty) lines.push(`ROLE:${escapeValue(e.specialty)}`);
  if (e.city || e.postcode) lines.push(`ADR;TYPE=work:;;;${escapeValue(e.city ?? '')};;${escapeValue(e.postcode ?? '')};France`);
  const note = [extraNote, e.rpps ? `RPPS ${e.rpps}` : '', BAL_TYPE[e.type]?.[lang] ?? '', 'Annuaire Santé'].filter(Boolean).join(' · ');
  lines.push(`NOTE:${escapeValue(note)}`);
  lines.push('END:VCARD');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
