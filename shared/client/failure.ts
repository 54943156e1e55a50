// The one decision for "the check could not run", whatever the host and the cause: in block mode the send is stopped
// with an explanation; in warn mode it is held and the user asked; never a silent send.
import type { Verdict } from '../model';
import type { OrgPolicy } from '../config/policy';
import { t } from '../i18n/messages';

export type CheckFailureCause =
  /** A host API answered with an error (Office, Thunderbird compose, the page). */
  | 'host-api-failed'
  /** A host API did not answer within the budget. */
  | 'host-api-timeout'
  /** The compose window could not be read (webmail page changed, parts missing). */
  | 'compose-unreadable'
  /** The page's Send control was not found: Vigie holds the keyboard shortcut only. */
  | 'send-control-missing'
  /** The check itself threw. */
  | 'core-error'
  /** No usable liste blanche. */
  | 'no-list';

export const FAILURE_CAUSES: readonly CheckFailureCause[] = [
  'host-api-failed',
  'host-api-timeout',
  'compose-unreadable',
  'send-control-missing',
  'core-error',
  'no-list',
];

/** The reason code a failure verdict carries (`check-failed.<cause>`). */
export const failureReason = (cause: CheckFailureCause): string => `check-failed.${cause}`;

/** True when a verdict is the failure policy's, not the result of a check. */
export function isFailure(verdict: Verdict): boolean {
  return verdict.reasons.some((r) => r.startsWith('check-failed.'));
}

/** The verdict for a check that could not run. `detail` is a short technical note, never message content. */
export function cannotCheck(cause: CheckFailureCause, policy: Pick<OrgPolicy, 'mode' | 'messages' | 'helpdesk'>, detail?: string): Verdict {
  const block = policy.mode === 'block';
  const why = t(`check-failed.${cause}`, {}, policy.messages);
  const what = t(block ? 'check-failed.block' : 'check-failed.warn', { why: why.fr, whyEn: why.en, detail: detail ? ` (${detail})` : '' }, policy.messages);
  const helpdesk = policy.helpdesk ? { fr: `${what.fr} ${policy.helpdesk}`, en: `${what.en} ${policy.helpdesk}` } : what;
  return {
    verdict: block ? 'block' : 'warn',
    recipients: [],
    findings: [],
    message: helpdesk,
    reasons: [failureReason(cause)],
    sender: { address: null, category: 'invalid' },
    notices: [],
  };
}
