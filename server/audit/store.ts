// The audit store: events in one SQL table, the same SQL for the embedded database (PGlite, PostgreSQL compiled to
// WebAssembly, in a folder under VIGIE_HOME) and for a shared PostgreSQL server (several instances, one store).
import type { AuditEvent } from '../../shared/audit/event';
import { emptyReport, type AuditReport } from './report';

/** What the store needs from a database client: `pg`'s Pool and PGlite both answer this. */
export interface SqlClient {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  close(): Promise<void>;
}

export interface AuditStore {
  readonly kind: 'embedded' | 'postgres';
  add(events: AuditEvent[], receivedAt?: Date): Promise<void>;
  report(from: Date, to: Date): Promise<AuditReport>;
  /** Deletes events older than `before`; returns how many. */
  purge(before: Date): Promise<number>;
  close(): Promise<void>;
}

const SCHEMA = `
create table if not exists vigie_audit_events (
  id bigserial primary key,
  at timestamptz not null,
  received_at timestamptz not null default now(),
  host text not null,
  mode text not null,
  verdict text not null,
  audit_verdict text,
  reasons text[] not null,
  sender text not null,
  recipient_domains text[] not null,
  outcome text,
  override_reason text
);
create index if not exists vigie_audit_events_at on vigie_audit_events (at);
`;

const COLUMNS = ['at', 'received_at', 'host', 'mode', 'verdict', 'audit_verdict', 'reasons', 'sender', 'recipient_domains', 'outcome', 'override_reason'];

export class SqlAuditStore implements AuditStore {
  private constructor(
    readonly kind: 'embedded' | 'postgres',
    private readonly db: SqlClient,
  ) {}

  static async open(kind: 'embedded' | 'postgres', db: SqlClient): Promise<SqlAuditStore> {
    // Statements one by one: the extended protocol (parameters) takes one statement per query.
    for (const statement of SCHEMA.split(';')
      .map((s) => s.trim())
      .filter(Boolean))
      await db.query(statement);
    return new SqlAuditStore(kind, db);
  }

  async add(events: AuditEvent[], receivedAt = new Date()): Promise<void> {
    if (!events.length) return;
    const params: unknown[] = [];
    const rows = events.map((e) => {
      const values = [
        new Date(e.time),
        receivedAt,
        e.host,
        e.mode,
        e.verdict,
        e.auditVerdict ?? null,
        e.reasons,
        e.sender,
        e.recipientDomains,
        e.outcome ?? null,
        e.overrideReason ?? null,
      ];
      const marks = values.map((v) => `$${params.push(v)}`);
      return `(${marks.join(', ')})`;
    });
    await this.db.query(`insert into vigie_audit_events (${COLUMNS.join(', ')}) values ${rows.join(', ')}`, params);
  }

  async report(from: Date, to: Date): Promise<AuditReport> {
    const range = [from, to];
    const where = 'where at >= $1 and at < $2';
    // In audit mode the verdict that counts is the one the simulated mode would have given.
    const effective = 'coalesce(audit_verdict, verdict)';
    const [total, byVerdict, byReason, byHost, byDay, overrides] = await Promise.all([
      this.db.query<{ n: number }>(`select count(*)::int as n from vigie_audit_events ${where}`, range),
      this.db.query<{ k: string; n: number }>(`select ${effective} as k, count(*)::int as n from vigie_audit_events ${where} group by 1`, range),
      this.db.query<{ k: string; n: number }>(
        `select r as k, count(*)::int as n from vigie_audit_events, unnest(reasons) as r ${where} group by 1 order by 2 desc, 1`,
        range,
      ),
      this.db.query<{ k: string; n: number }>(`select host as k, count(*)::int as n from vigie_audit_events ${where} group by 1`, range),
      this.db.query<{ day: string; k: string; n: number }>(
        `select to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day, ${effective} as k, count(*)::int as n from vigie_audit_events ${where} group by 1, 2 order by 1`,
        range,
      ),
      this.db.query<{ n: number }>(
        `select count(*)::int as n from vigie_audit_events ${where} and (outcome = 'overridden' or override_reason is not null)`,
        range,
      ),
    ]);
    const r = emptyReport(from, to);
    r.total = total.rows[0]?.n ?? 0;
    r.overrides = overrides.rows[0]?.n ?? 0;
    for (const row of byVerdict.rows) r.byVerdict[row.k as keyof AuditReport['byVerdict']] = row.n;
    for (const row of byReason.rows) r.byReason[row.k] = row.n;
    for (const row of byHost.rows) r.byHost[row.k] = row.n;
    const days = new Map<string, AuditReport['byDay'][number]>();
    for (const row of byDay.rows) {
      const d = days.get(row.day) ?? { day: row.day, allow: 0, warn: 0, block: 0 };
      d[row.k as 'allow' | 'warn' | 'block'] = row.n;
      days.set(row.day, d);
    }
    r.byDay = [...days.values()];
    return r;
  }

  async purge(before: Date): Promise<number> {
    const r = await this.db.query<{ n: number }>(
      'with gone as (delete from vigie_audit_events where at < $1 returning 1) select count(*)::int as n from gone',
      [before],
    );
    return r.rows[0]?.n ?? 0;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
