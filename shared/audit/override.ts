// "Envoyer quand même" (warn mode): the reason the user gives, picked from the policy's list or typed (≤ 200
// characters). The typed words go to the audit store, so what looks like patient data (an INS or NIR, a phone
// number, an address) is refused with the reminder, never stored.
import type { OrgPolicy } from '../config/policy';
import type { Language, LocalizedText } from '../model';
import { t } from '../i18n/messages';
import { OVERRIDE_REASON_MAX } from './event';

export interface OverrideChoice {
  code: string;
  label: string;
}

/** The reasons to offer, in the user's language. */
export function overrideChoices(policy: Pick<OrgPolicy, 'overrideReasons'>, lang: Language): OverrideChoice[] {
  return policy.overrideReasons.map((r) => ({ code: r.code, label: r[lang] }));
}

/** The reminder shown beside the free-text field. */
export function overrideReminder(policy?: Pick<OrgPolicy, 'messages'>): LocalizedText {
  return t('override.reminder', { max: OVERRIDE_REASON_MAX }, policy?.messages);
}

export type OverrideResult = { ok: true; reason: string } | { ok: false; error: LocalizedText };

// Seven digits or more (NIR, INS, phone, file numbers), spaces and dots allowed between them, or an e-mail address.
const LOOKS_PERSONAL = /(?:\d[\s.-]?){7,}|[^\s@]+@[^\s@]+/;

/** The reason to record: `<code>` or `<code>: <text>` or the text alone, on one line, ≤ 200 characters. */
export function overrideReason(policy: Pick<OrgPolicy, 'overrideReasons' | 'messages'>, choice: { code?: string; text?: string }): OverrideResult {
  const text = (choice.text ?? '').replace(/\s+/g, ' ').trim();
  const code = choice.code && policy.overrideReasons.some((r) => r.code === choice.code) ? choice.code : undefined;
  if (!code && !text) return { ok: false, error: t('override.required', {}, policy.messages) };
  if (LOOKS_PERSONAL.test(text)) return { ok: false, error: t('override.patient-data', {}, policy.messages) };
  const reason = code && text ? `${code}: ${text}` : (code ?? text);
  if (reason.length > OVERRIDE_REASON_MAX) return { ok: false, error: t('override.too-long', { max: OVERRIDE_REASON_MAX }, policy.messages) };
  return { ok: true, reason };
}
