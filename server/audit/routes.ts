// The audit routes as self-contained handlers: POST /api/audit/events (from the mail clients) and
// GET /api/audit/report (IT, bearer token). Each takes the request context and what it needs, nothing more.
import { createHash, timingSafeEqual } from 'node:crypto';
import { validateAuditEvents } from '../../shared/audit/validate-event';
import { HttpError, readBody, sendBytes, sendJson, type Ctx } from '../http/router';
import type { RateLimiter } from '../http/security';
import { reportCsv } from './report';
import type { AuditService } from './service';

export interface AuditRouteDeps {
  audit: AuditService;
  /** Per-client limit on event posts (on top of the server-wide one). */
  limiter: RateLimiter;
  bodyBytes: number;
  /** The admin bearer token; none configured: the report answers 401. */
  adminToken?: string;
}

const DAY = 86_400_000;
const digest = (s: string) => createHash('sha256').update(s).digest();

/** 401 unless the request carries `Authorization: Bearer <admin token>`. */
export function requireAdmin(ctx: Ctx, token: string | undefined): void {
  const header = ctx.req.headers.authorization ?? '';
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  const challenge = { 'www-authenticate': 'Bearer realm="vigie-audit"', 'cache-control': 'no-store' };
  if (!token) throw new HttpError(401, 'no-admin-token', 'no admin token is configured on this server (admin.token or VIGIE_ADMIN_TOKEN)', challenge);
  if (!given || !timingSafeEqual(digest(given), digest(token))) throw new HttpError(401, 'unauthorized', 'a valid admin bearer token is required', challenge);
}

export async function postAuditEvents(ctx: Ctx, deps: AuditRouteDeps): Promise<void> {
  const wait = deps.limiter.take(ctx.client);
  if (wait) throw new HttpError(429, 'rate-limited', 'too many audit events from this client', { 'retry-after': String(wait) });
  if (!/^application\/json\b/i.test(ctx.req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'content-type', 'audit events are sent as application/json');
  const body = await readBody(ctx.req, deps.bodyBytes);
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad-json', 'the body is not JSON');
  }
  const r = validateAuditEvents(input);
  if (!r.ok) throw new HttpError(400, 'bad-event', r.errors.join('; ').slice(0, 1000));
  // A client clock far ahead would put events where no purge reaches them for years.
  const late = r.events.findIndex((e) => Date.parse(e.time) > Date.now() + DAY);
  if (late >= 0) throw new HttpError(400, 'bad-event', `/events/${late}/time: more than a day in the future`);
  const store = await deps.audit.store();
  await store.add(r.events);
  sendJson(ctx.res, 202, { accepted: r.events.length }, { 'cache-control': 'no-store' });
}

/** `YYYY-MM-DD` (a whole UTC day; `to` then includes that day) or a full ISO date-time. */
function dateParam(url: URL, name: 'from' | 'to'): Date | undefined {
  const all = url.searchParams.getAll(name);
  if (all.length > 1) throw new HttpError(400, 'repeated-parameter', `"${name}" given more than once`);
  const v = all[0];
  if (v === undefined || v === '') return undefined;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
  if (!dayOnly && !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(v))
    throw new HttpError(400, `bad-${name}`, `"${name}" must be YYYY-MM-DD or an ISO date-time`);
  const t = Date.parse(dayOnly ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(t)) throw new HttpError(400, `bad-${name}`, `"${name}" is not a date`);
  return new Date(dayOnly && name === 'to' ? t + DAY : t);
}

export async function getAuditReport(ctx: Ctx, deps: AuditRouteDeps, now = new Date()): Promise<void> {
  requireAdmin(ctx, deps.adminToken);
  for (const k of ctx.url.searchParams.keys())
    if (!['from', 'to', 'format'].includes(k)) throw new HttpError(400, 'unknown-parameter', `unknown parameter "${k.slice(0, 40)}"`);
  const to = dateParam(ctx.url, 'to') ?? now;
  const from = dateParam(ctx.url, 'from') ?? new Date(to.getTime() - 30 * DAY);
  if (from >= to) throw new HttpError(400, 'bad-range', '"from" must be before "to"');
  if (to.getTime() - from.getTime() > 3660 * DAY) throw new HttpError(400, 'bad-range', 'the period is limited to ten years');
  const format = ctx.url.searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new HttpError(400, 'bad-format', '"format" must be json or csv');
  const report = await (await deps.audit.store()).report(from, to);
  const headers = { 'cache-control': 'no-store' };
  if (format === 'csv') {
    const name = `vigie-audit-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`;
    sendBytes(ctx.res, 200, reportCsv(report), 'text/csv; charset=utf-8', { ...headers, 'content-disposition': `attachment; filename="${name}"` });
  } else sendJson(ctx.res, 200, report, headers);
}
