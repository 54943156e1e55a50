// What a host uses to report its checks to the companion server: events are built from the verdict, filtered by
// the policy (`audit.events`), queued and posted in batches to POST /api/audit/events. Reporting never stands in
// the way of a send: nothing here throws, a server that does not answer keeps the events for the next flush (up to a
// bound), and a refused batch is dropped.
import type { OrgPolicy } from '../config/policy';
import type { Verdict } from '../model';
import { auditEventOf, type AuditContext, type AuditEvent } from './event';

export type PostFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; credentials: 'omit'; keepalive?: boolean },
) => Promise<{ ok: boolean; status: number }>;

export interface ReporterOptions {
  /** The companion server (policy `serverUrl`, or the server that serves the Outlook add-in). */
  serverUrl: string;
  fetch: PostFetch;
  policy: Pick<OrgPolicy, 'audit'>;
  /** Events kept while the server cannot be reached; the oldest go first beyond it. */
  maxQueue?: number;
}

const BATCH = 50;

/** Whether the policy wants this check reported. */
export function shouldReport(
  policy: Pick<OrgPolicy, 'audit'>,
  verdict: Pick<Verdict, 'verdict' | 'audit'>,
  ctx: Pick<AuditContext, 'outcome' | 'overrideReason'> = {},
): boolean {
  const mode = policy.audit.events;
  if (mode === 'off') return false;
  if (mode === 'all') return true;
  return (verdict.audit?.verdict ?? verdict.verdict) !== 'allow' || ctx.outcome === 'overridden' || !!ctx.overrideReason;
}

export class AuditReporter {
  private queue: AuditEvent[] = [];
  private flushing: Promise<{ sent: number; dropped: number }> | undefined;
  /** Events lost since start: queue overflow or refused by the server. */
  dropped = 0;

  constructor(private readonly opts: ReporterOptions) {}

  get pending(): number {
    return this.queue.length;
  }

  /** Queues the event for this check when the policy wants it; true when queued. */
  record(verdict: Verdict, ctx: AuditContext): boolean {
    if (!shouldReport(this.opts.policy, verdict, ctx)) return false;
    this.queue.push(auditEventOf(verdict, ctx));
    const max = this.opts.maxQueue ?? 500;
    if (this.queue.length > max) this.dropped += this.queue.splice(0, this.queue.length - max).length;
    return true;
  }

  /** Posts what is queued; one flush at a time. Resolves, never rejects. */
  flush(): Promise<{ sent: number; dropped: number }> {
    this.flushing ??= this.post().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async post(): Promise<{ sent: number; dropped: number }> {
    let sent = 0;
    let dropped = 0;
    const url = `${this.opts.serverUrl.replace(/\/+$/, '')}/api/audit/events`;
    while (this.queue.length) {
      const batch = this.queue.slice(0, BATCH);
      let status: number;
      try {
        const res = await this.opts.fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ events: batch }),
          credentials: 'omit',
          keepalive: true,
        });
        status = res.status;
      } catch {
        break; // Unreachable: keep the events for the next flush.
      }
      if (status === 429 || status >= 500) break;
      this.queue.splice(0, batch.length);
      if (status >= 200 && status < 300) sent += batch.length;
      else dropped += batch.length; // Refused (400, 403, 404, 413): sending it again would be refused again.
    }
    this.dropped += dropped;
    return { sent, dropped };
  }
}
