// The Smart Alerts handler's report to the organisation's audit journal on the companion server (the add-in's
// origin): one POST with keepalive, waited for at most AUDIT_WAIT_MS and never past what is left of the send budget
// (`waitMs`): event.completed is never late for it; a post not answered by then goes on on its own (keepalive).
import type { OrgPolicy } from '../../shared/config/policy';
import type { Verdict } from '../../shared/model';
import type { AuditOutcome } from '../../shared/audit/event';
import { AuditReporter, type PostFetch } from '../../shared/audit/reporter';
import { within } from '../../shared/client/within';

export const AUDIT_WAIT_MS = 400;

export async function reportCheck(
  base: string | undefined,
  fetchFn: PostFetch | undefined,
  policy: OrgPolicy,
  verdict: Verdict,
  outcome?: AuditOutcome,
  overrideReason?: string,
  waitMs = AUDIT_WAIT_MS,
): Promise<void> {
  if (!base || !fetchFn) return;
  try {
    const reporter = new AuditReporter({ serverUrl: base, fetch: fetchFn, policy });
    if (!reporter.record(verdict, { host: 'outlook', mode: policy.mode, ...(outcome ? { outcome } : {}), ...(overrideReason ? { overrideReason } : {}) }))
      return;
    const sent = reporter.flush();
    if (waitMs > 0) await within(sent, Math.min(waitMs, AUDIT_WAIT_MS));
  } catch {
    // The journal never stands in the way of the send (an unreachable server, a slow one: the check still completes).
  }
}
