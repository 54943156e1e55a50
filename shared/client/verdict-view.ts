// How a verdict reads, once for every host: a headline, the one message a host can show (Outlook's Smart Alerts box
// takes 500 characters), the reason per recipient with the look-alike hint in the address as typed, the notices (a stale
// list) and the actions the user has. Outlook's message, the Thunderbird Vigie window and the webmail banner render it.
import type { Language, RecipientResult, Verdict, VerdictKind } from '../model';
import { fitMessage } from '../send-check/fit-message';
import { domainToUnicode } from '../recipient-policy/idna';
import { isFailure } from './failure';

export type VerdictAction = 'send-anyway' | 'directory' | 'retry';

export interface RecipientView {
  /** The address as the user reads it (Unicode domain, never punycode they did not type). */
  address: string;
  field: RecipientResult['field'];
  category: RecipientResult['category'];
  reason: string;
  /** "Vouliez-vous dire …" — the listed address the look-alike or unknown address probably meant. */
  suggestion?: string;
}

export interface VerdictView {
  level: VerdictKind;
  /** Set when the check could not run (the failure policy's verdict). */
  failure: boolean;
  headline: string;
  /** The message with its hints and notices, fitted to `maxLength` when given. */
  message: string;
  /** Recipients that are not in the MSSanté space or not valid, with why. */
  recipients: RecipientView[];
  notices: string[];
  actions: VerdictAction[];
}

const HEADLINES: Record<'allow' | 'warn' | 'block' | 'failure', Record<Language, string>> = {
  allow: { fr: 'Prêt à envoyer', en: 'Ready to send' },
  warn: { fr: 'À confirmer avant l’envoi', en: 'Confirm before sending' },
  block: { fr: 'Envoi bloqué', en: 'Send blocked' },
  failure: { fr: 'Vigie n’a pas pu vérifier ce message', en: 'Vigie could not check this message' },
};

const HINT: Record<Language, (address: string, suggestion: string) => string> = {
  fr: (a, s) => `Pour ${a}, vouliez-vous dire ${s}\u00a0?`,
  en: (a, s) => `For ${a}, did you mean ${s}?`,
};

function readable(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : `${address.slice(0, at)}@${domainToUnicode(address.slice(at + 1))}`;
}

function suggestionOf(r: RecipientResult): string | undefined {
  if (r.didYouMean?.[0]) return r.didYouMean[0].address;
  const resembles = r.lookalike?.resembles;
  if (!resembles || !r.address) return undefined;
  const local = r.address.slice(0, r.address.lastIndexOf('@'));
  const domain = r.address.slice(r.address.lastIndexOf('@') + 1);
  return resembles === domain ? undefined : `${local}@${resembles}`;
}

export function verdictView(verdict: Verdict, lang: Language, opts: { maxLength?: number } = {}): VerdictView {
  const failure = isFailure(verdict);
  const recipients: RecipientView[] = verdict.recipients
    .filter((r) => r.category !== 'mssante' && r.category !== 'patient')
    .map((r) => {
      const suggestion = suggestionOf(r);
      return {
        address: r.address ? readable(r.address) : r.input,
        field: r.field,
        category: r.category,
        reason: r.reason[lang],
        ...(suggestion ? { suggestion } : {}),
      };
    });
  // Unknown MSSanté addresses with a directory suggestion are allowed recipients, but their hint still matters.
  for (const r of verdict.recipients) {
    const suggestion = r.category === 'mssante' && r.didYouMean?.[0]?.address;
    if (suggestion && r.address) recipients.push({ address: readable(r.address), field: r.field, category: r.category, reason: r.reason[lang], suggestion });
  }
  const hints = [...new Set(recipients.filter((r) => r.suggestion).map((r) => HINT[lang](r.address, r.suggestion!)))].slice(0, 2);
  const mainText = verdict.message[lang];
  // The did-you-mean notices repeat the hints; the others (a stale list) are said once, after.
  const notices = verdict.notices.map((n) => n[lang]).filter((n) => !recipients.some((r) => r.suggestion && n.includes(r.suggestion)));
  const parts = [mainText, ...hints, ...(verdict.verdict === 'allow' ? [] : notices)];
  let message = parts.join(' ');
  if (opts.maxLength && message.length > opts.maxLength) {
    // The main message first; then as many hints and notices as fit whole.
    message = fitMessage(mainText, opts.maxLength);
    for (const extra of parts.slice(1)) if (message.length + 1 + extra.length <= opts.maxLength) message += ` ${extra}`;
  }
  const level = verdict.verdict;
  const actions: VerdictAction[] = failure
    ? level === 'warn'
      ? ['send-anyway', 'retry']
      : ['retry']
    : level === 'warn'
      ? ['send-anyway', 'directory']
      : level === 'block'
        ? ['directory']
        : [];
  return { level, failure, headline: HEADLINES[failure ? 'failure' : level][lang], message, recipients, notices, actions };
}
