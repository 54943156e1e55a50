// The audit store behind the companion server, on both stores: the embedded database under VIGIE_HOME and a
// PostgreSQL server from Debian's package. Events posted as the mail clients post them, the report as IT reads it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { parseServerConfig } from '../../server/config';
import { startServer, type VigieServer } from '../../server/app';
import { checkDraft } from '../../shared/send-check/check-draft';
import { auditEventOf, type AuditEvent } from '../../shared/audit/event';
import { AuditReporter } from '../../shared/audit/reporter';
import { defaultPolicy } from '../../shared/config/policy';
import { embeddedDomainSet } from '../../shared/whitelist/embedded';
import type { AuditReport } from '../../server/audit/report';
import { tempDir, removeTempDirs } from './support';
import { startPostgres, type TestPostgres } from './postgres';

const TOKEN = 'test-admin-token-0123456789';
const SUBJECT = 'Résultats biopsie de Mme Camille Essai';
const BODY = 'Carcinome canalaire infiltrant, revoir en consultation mardi.';
const DAY = 86_400_000;

/** What a mail client posts after a check: built from the verdict, as the hosts do. */
function eventFor(to: string, opts: { mode?: 'block' | 'warn' | 'audit'; host?: AuditEvent['host']; time?: Date; override?: string } = {}): AuditEvent {
  const policy = { ...defaultPolicy(), mode: opts.mode ?? 'audit' };
  const draft = {
    from: 'Dr Martin <martin@medecin.mssante.fr>',
    to: [to],
    cc: [],
    bcc: [],
    subject: SUBJECT,
    body: BODY,
    attachments: [{ name: 'biopsie-essai.pdf' }],
  };
  const verdict = checkDraft(draft, { whitelist: embeddedDomainSet(), policy });
  return auditEventOf(verdict, {
    host: opts.host ?? 'thunderbird',
    mode: policy.mode,
    ...(opts.time ? { now: opts.time } : {}),
    ...(opts.override ? { overrideReason: opts.override, outcome: 'overridden' } : {}),
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

const stores = [['embedded'], ['postgres']] as const;

describe.each(stores)('audit store: %s', (kind) => {
  let pg: TestPostgres | undefined;
  let home: string;
  let server: VigieServer;
  const start = async () => {
    const config = parseServerConfig(
      {
        port: 0,
        tls: { mode: 'off' },
        home,
        directory: { syntheticCount: 200 },
        corsOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
        audit: { burst: 20, postsPerMinute: 60, ...(pg ? { database: 'env:VIGIE_AUDIT_DATABASE' } : {}) },
      },
      { env: { VIGIE_ADMIN_TOKEN: TOKEN, ...(pg ? { VIGIE_AUDIT_DATABASE: pg.url } : {}) } },
    );
    server = await startServer(config, { log: () => undefined });
  };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/audit/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const report = async (query = '', token = TOKEN) =>
    fetch(`${server.url}/api/audit/report${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    if (kind === 'postgres') pg = startPostgres();
    home = tempDir(`audit-${kind}`);
    await start();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    pg?.stop();
    removeTempDirs();
  });

  it('accepts events and counts them by verdict, reason, host and day', async () => {
    const now = new Date();
    const events = [
      eventFor('jean.dupont@gmail.com', { time: now }),
      eventFor('x@yahoo.fr', { time: now, host: 'outlook' }),
      eventFor('b@pharmacien.mssante.fr', { time: now, host: 'webmail' }),
      eventFor('c@clinique-exemple.fr', { mode: 'warn', time: new Date(now.getTime() - DAY), override: 'no-mssante-address' }),
    ];
    const res = await post({ events }, { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 4 });
    expect(server.audit.kind).toBe(kind);

    const r = (await (await report()).json()) as AuditReport;
    expect(r).toMatchObject({
      total: 4,
      byVerdict: { allow: 1, warn: 1, block: 2 },
      byReason: { 'verdict.block.outside': 2, 'verdict.warn.outside': 1 },
      byHost: { thunderbird: 2, outlook: 1, webmail: 1 },
      overrides: 1,
    });
    const today = now.toISOString().slice(0, 10);
    const yesterday = new Date(now.getTime() - DAY).toISOString().slice(0, 10);
    expect(r.byDay).toEqual([
      { day: yesterday, allow: 0, warn: 1, block: 0 },
      { day: today, allow: 1, warn: 0, block: 2 },
    ]);

    const day = await report(`?from=${today}&to=${today}&format=csv`);
    expect(day.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await day.text();
    expect(csv).toContain('total,,3\r\n');
    expect(csv).toContain('reason,verdict.block.outside,2\r\n');
    expect(csv).toContain(`${today},1,0,2\r\n`);
  });

  it('guards the report with the bearer token: 401 without it or with a wrong one', async () => {
    const none = await report('', '');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await report('', 'not-the-token-at-all-000')).status).toBe(401);
    expect((await report('?format=csv', 'x')).status).toBe(401);
    expect((await report('?from=2026-13-01')).status).toBe(400);
  });

  it('refuses posts from origins outside CORS, oversized bodies, content fields and non-JSON', async () => {
    const e = eventFor('jean.dupont@gmail.com');
    expect((await post({ events: [e] }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ events: [{ ...e, subject: SUBJECT }] })).status).toBe(400);
    expect((await post({ events: [{ ...e, recipientDomains: ['jean.dupont@gmail.com'] }] })).status).toBe(400);
    expect((await post({ events: [e] }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('{"events": [')).status).toBe(400);
    expect((await post({ events: Array(400).fill(e) })).status).toBe(413);
    expect((await post({ events: [{ ...e, time: new Date(Date.now() + 3 * DAY).toISOString() }] })).status).toBe(400);
  });

  it('keeps no message content: neither the subject nor the body is in the store', async () => {
    expect((await post({ events: [eventFor('jean.dupont@gmail.com'), eventFor('a@medecin.mssante.fr', { mode: 'block' })] })).status).toBe(202);
    let files: string[];
    if (pg) {
      const pool = new Pool({ connectionString: pg.url });
      const rows = (await pool.query<{ t: string }>('select t::text as t from vigie_audit_events t')).rows.map((r) => r.t).join('\n');
      await pool.query('checkpoint');
      await pool.end();
      expect(rows).toContain('martin@medecin.mssante.fr');
      for (const s of [SUBJECT, BODY, 'biopsie', 'jean.dupont']) expect(rows).not.toContain(s);
      files = filesUnder(pg.dataDir);
    } else {
      // The embedded database writes its files when closed: read them from a stopped server.
      await server.close();
      files = filesUnder(join(home, 'audit'));
    }
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    // The scan finds what is stored (the sender's mailbox), so not finding the subject and body means something.
    expect(bytes.includes('martin@medecin.mssante.fr')).toBe(true);
    for (const s of [SUBJECT, BODY, 'Carcinome', 'biopsie-essai', 'jean.dupont']) expect(bytes.includes(Buffer.from(s))).toBe(false);
    if (!pg) await start();
  }, 60_000);

  it('keeps the events across a restart, and purges those past the retention (183 days by default)', async () => {
    const before = ((await (await report()).json()) as AuditReport).total;
    const old = eventFor('jean.dupont@gmail.com', { time: new Date(Date.now() - 190 * DAY) });
    const aging = eventFor('jean.dupont@gmail.com', { time: new Date(Date.now() - 170 * DAY) });
    expect((await post({ events: [old, aging] })).status).toBe(202);
    const year = `?from=${new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10)}`;
    expect(((await (await report(year)).json()) as AuditReport).total).toBe(before + 2);

    await server.close();
    await start();
    // Opening the store purges: the 190-day-old event is gone, the others are still there.
    expect(((await (await report(year)).json()) as AuditReport).total).toBe(before + 1);
    expect(server.audit.lastPurge).toMatchObject({ removed: 1 });
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { audit: unknown };
    expect(health.audit).toMatchObject({ enabled: true, store: kind, retentionDays: 183, adminToken: true, lastPurge: { removed: 1 } });

    // The purge job, twenty days later: the 170-day-old event passes the retention.
    expect(await server.audit.purge(undefined, new Date(Date.now() + 20 * DAY))).toBe(1);
    expect(((await (await report(year)).json()) as AuditReport).total).toBe(before);
  }, 60_000);

  it('counts what the host-side reporter posts', async () => {
    const before = ((await (await report()).json()) as AuditReport).total;
    const reporter = new AuditReporter({ serverUrl: server.url, fetch: (url, init) => fetch(url, init), policy: defaultPolicy() });
    const verdict = checkDraft(
      { from: 'martin@medecin.mssante.fr', to: ['jean.dupont@gmail.com'], cc: [], bcc: [], subject: SUBJECT, body: BODY, attachments: [] },
      { whitelist: embeddedDomainSet(), policy: { ...defaultPolicy(), mode: 'warn' } },
    );
    reporter.record(verdict, { host: 'webmail', mode: 'warn', outcome: 'overridden', overrideReason: 'no-mssante-address' });
    expect(await reporter.flush()).toEqual({ sent: 1, dropped: 0 });
    const r = (await (await report()).json()) as AuditReport;
    expect(r.total).toBe(before + 1);
    expect(r.overrides).toBeGreaterThanOrEqual(1);
  });

  it('limits event posts per client', async () => {
    const e = eventFor('jean.dupont@gmail.com');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await post({ events: [e] })).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(21);
  });
});

describe('two instances behind a load balancer, one PostgreSQL', () => {
  let pg: TestPostgres;
  const servers: VigieServer[] = [];
  beforeAll(async () => {
    pg = startPostgres();
    for (const name of ['a', 'b']) {
      const config = parseServerConfig(
        { port: 0, tls: { mode: 'off' }, home: tempDir(`audit-lb-${name}`), directory: { syntheticCount: 100 }, audit: { database: pg.url } },
        { env: { VIGIE_ADMIN_TOKEN: TOKEN } },
      );
      servers.push(await startServer(config, { log: () => undefined }));
    }
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    pg.stop();
    removeTempDirs();
  });

  it('counts on one instance what was posted to the other', async () => {
    const [a, b] = servers as [VigieServer, VigieServer];
    const post = (s: VigieServer, events: AuditEvent[]) =>
      fetch(`${s.url}/api/audit/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ events }) });
    expect((await post(a, [eventFor('jean.dupont@gmail.com'), eventFor('x@yahoo.fr')])).status).toBe(202);
    expect((await post(b, [eventFor('a@medecin.mssante.fr')])).status).toBe(202);
    for (const s of servers) {
      const r = (await (await fetch(`${s.url}/api/audit/report`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as AuditReport;
      expect(r).toMatchObject({ total: 3, byVerdict: { block: 2, allow: 1 } });
    }
  });
});

describe('an unreachable PostgreSQL', () => {
  it('answers 503 to the clients (which keep their events) and says why in the log', async () => {
    const logs: string[] = [];
    const config = parseServerConfig(
      {
        port: 0,
        tls: { mode: 'off' },
        home: tempDir('audit-down'),
        directory: { syntheticCount: 100 },
        audit: { database: `postgres://vigie@localhost:5432/postgres?host=${encodeURIComponent(tempDir('no-pg'))}` },
      },
      { env: { VIGIE_ADMIN_TOKEN: TOKEN } },
    );
    const server = await startServer(config, { log: (l) => logs.push(l) });
    try {
      const res = await fetch(`${server.url}/api/audit/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events: [eventFor('jean.dupont@gmail.com')] }),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('60');
      expect(logs.join('\n')).toMatch(/audit: the postgres store cannot be opened: .*ENOENT|connect/);
    } finally {
      await server.close();
      removeTempDirs();
    }
  });
});

describe('admin page', () => {
  let server: VigieServer;
  beforeAll(async () => {
    const config = parseServerConfig({ port: 0, tls: { mode: 'off' }, home: tempDir('audit-admin'), directory: { syntheticCount: 100 } }, { env: {} });
    server = await startServer(config, { log: () => undefined });
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  it('is linked from the landing page, carries no inline script, and its data answers 401 when no token is configured', async () => {
    expect(await (await fetch(`${server.url}/`)).text()).toContain('href="/admin"');
    const page = await fetch(`${server.url}/admin`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toMatch(/<script src="\/assets\/admin\.js"><\/script>/);
    expect(html.match(/<script/g)).toHaveLength(1);
    const js = await (await fetch(`${server.url}/assets/admin.js`)).text();
    expect(() => new Function(js)).not.toThrow();
    const r = await fetch(`${server.url}/api/audit/report`, { headers: { authorization: 'Bearer anything-at-all-here' } });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('no-admin-token');
  });
});
