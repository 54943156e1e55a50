// One audit event: what a check decided and what the user did, never what the message said. The ANS rules on
// traces (who, when, which action, which outcome; never the content) shape it: the sender mailbox is the author,
// recipients are kept as domains only, and no subject, body or attachment name is ever part of it.
import type { Verdict, VerdictKind } from '../model';

export type AuditHost = 'outlook' | 'thunderbird' | 'webmail' | 'cli';
export type AuditOutcome = 'sent' | 'stopped' | 'overridden' | 'cancelled';

export interface AuditEvent {
  /** When the check ran (ISO 8601, UTC). */
  time: string;
  host: AuditHost;
  /** The policy mode in force. */
  mode: 'block' | 'warn' | 'audit';
  /** The verdict the user got (always `allow` in audit mode). */
  verdict: VerdictKind;
  /** In audit mode: the verdict the simulated mode would have given. */
  auditVerdict?: VerdictKind;
  /** Stable reason codes (`verdict.block.outside`…), those of the simulated verdict in audit mode. */
  reasons: string[];
  /** The sending mailbox (the author of the action). */
  sender: string;
  /** The recipients' domains, each once, sorted: never a full address. */
  recipientDomains: string[];
  /** What happened to the message, when the host knows. */
  outcome?: AuditOutcome;
  /** The reason given for sending despite a warning: a policy reason code or the user's words (≤ 200 characters). */
  overrideReason?: string;
}

export const OVERRIDE_REASON_MAX = 200;

/** Domains of the checked recipients, each once, sorted. Unreadable recipients have no domain and are left out. */
export function recipientDomains(verdict: Pick<Verdict, 'recipients'>): string[] {
  const out = new Set<string>();
  for (const r of verdict.recipients) {
    const at = r.address?.lastIndexOf('@') ?? -1;
    if (r.address && at > 0) out.add(r.address.slice(at + 1).toLowerCase());
  }
  return [...out].sort();
}

export interface AuditContext {
  host: AuditHost;
  mode: AuditEvent['mode'];
  now?: Date;
  outcome?: AuditOutcome;
  overrideReason?: string;
}

/** Builds the event a host posts after a check, from the Verdict alone (the draft never reaches this function). */
export function auditEventOf(verdict: Verdict, ctx: AuditContext): AuditEvent {
  const reason = ctx.overrideReason?.replace(/\s+/g, ' ').trim().slice(0, OVERRIDE_REASON_MAX);
  return {
    time: (ctx.now ?? new Date()).toISOString(),
    host: ctx.host,
    mode: ctx.mode,
    verdict: verdict.verdict,
    ...(verdict.audit ? { auditVerdict: verdict.audit.verdict } : {}),
    reasons: [...(verdict.audit?.reasons ?? verdict.reasons)],
    sender: (verdict.sender.address ?? '').toLowerCase(),
    recipientDomains: recipientDomains(verdict),
    ...(ctx.outcome ? { outcome: ctx.outcome } : {}),
    ...(reason ? { overrideReason: reason } : {}),
  };
}
