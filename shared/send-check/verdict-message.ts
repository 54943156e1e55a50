// The words of a verdict: who is named and how (addresses as typed, "et 3 autres"), singular or plural, and the one
// message that says once what happened ("Envoi bloqué : …") and then each reason, with the help-desk line.
import type { Finding, LocalizedText, RecipientResult, VerdictKind } from '../model';
import type { OrgPolicy } from '../config/policy';
import { domainToUnicode } from '../recipient-policy/idna';
import { isOverridden, messages, t, type MessageCode } from '../i18n/messages';

export interface Rule {
  verdict: VerdictKind;
  code: MessageCode;
  text: LocalizedText;
}

/** An address as the user reads it: the domain in Unicode (a homoglyph shows as typed, not as punycode). */
export function readableAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : `${address.slice(0, at)}@${domainToUnicode(address.slice(at + 1))}`;
}

const distinct = (rs: RecipientResult[]) => [...new Set(rs.map((r) => (r.address ? readableAddress(r.address) : r.input)))];

/** Up to three recipients, then "et N autres" / "and N others". */
export function nameRecipients(rs: RecipientResult[]): LocalizedText {
  const names = distinct(rs);
  const shown = names.slice(0, 3).join(', ');
  if (names.length <= 3) return { fr: shown, en: shown };
  return names.length === 4 ? t('list.and-one-other', { shown }) : t('list.and-others', { shown, count: names.length - 3 });
}

/** The plural form of a message when several recipients are named (`<code>.many` where it exists). */
export function forCount(code: MessageCode, rs: RecipientResult[]): MessageCode {
  const many = `${code}.many`;
  return distinct(rs).length > 1 && many in messages ? (many as MessageCode) : code;
}

export function findingsSummary(findings: Finding[]): LocalizedText {
  const fr = [...new Set(findings.map((f) => f.label.fr))].slice(0, 3).join(', ');
  const en = [...new Set(findings.map((f) => f.label.en))].slice(0, 3).join(', ');
  return { fr, en };
}

/** A date and a count as each language writes them ("28 février 2025", "4 944"); ISO where Intl is missing. */
export function localDate(iso: string): LocalizedText {
  const d = new Date(iso);
  try {
    return {
      fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(d),
      en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(d),
    };
  } catch {
    return { fr: iso.slice(0, 10), en: iso.slice(0, 10) };
  }
}

export function localNumber(n: number): LocalizedText {
  try {
    return { fr: new Intl.NumberFormat('fr-FR').format(n), en: new Intl.NumberFormat('en-GB').format(n) };
  } catch {
    return { fr: String(n), en: String(n) };
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The verdict's one message: the lead once ("Envoi bloqué : "), then the sentence of each reason at the verdict's
 * level. A reason whose text the organisation replaced is shown as written, without the lead.
 */
export function composeMessage(rules: Rule[], verdict: VerdictKind, policy: OrgPolicy): LocalizedText {
  const lead = rules.filter((r) => r.verdict === verdict);
  const first = lead[0];
  if (!first || verdict === 'allow') return { fr: '', en: '' };
  const own = !isOverridden(first.code, policy.messages);
  const leadText = t(verdict === 'block' ? 'verdict.lead.block' : 'verdict.lead.warn', {}, policy.messages);
  // A later sentence gets a capital when its template starts with a word, never an address ("jean@…" stays as typed).
  const startsWithWord = (r: Rule, lang: 'fr' | 'en') => !isOverridden(r.code, policy.messages) && !messages[r.code][lang].startsWith('{');
  const join = (lang: 'fr' | 'en') => lead.map((r, i) => ((i > 0 || !own) && startsWithWord(r, lang) ? capitalise(r.text[lang]) : r.text[lang])).join(' ');
  const body = { fr: join('fr'), en: join('en') };
  const text = own ? { fr: `${leadText.fr}\u00a0: ${body.fr}`, en: `${leadText.en}: ${body.en}` } : body;
  return policy.helpdesk ? { fr: `${text.fr} ${policy.helpdesk}`, en: `${text.en} ${policy.helpdesk}` } : text;
}
