// The audit admin page in Debian's Chromium, served by the real companion server over a fortnight of events:
// the token typed in the page, the chart drawn, the top reasons listed; a wrong token refused; screenshots taken;
// an axe-core accessibility check; no CSP violation.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseServerConfig } from '../../server/config';
import { startServer, type VigieServer } from '../../server/app';
import type { AuditEvent } from '../../shared/audit/event';
import { tempDir, removeTempDirs } from './support';

const root = join(__dirname, '../..');
const shots = join(root, 'test-results/screenshots');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TOKEN = 'admin-page-token-0123456789';
const DAY = 86_400_000;

/** Fourteen days of checks: more on weekdays, a few blocked and warned every day, varied reasons and hosts. */
function fortnight(now: Date): AuditEvent[] {
  const out: AuditEvent[] = [];
  const hosts = ['outlook', 'thunderbird', 'webmail'] as const;
  const reasons = [
    ['verdict.block.outside'],
    ['verdict.warn.health-data'],
    ['verdict.block.outside', 'verdict.distribution-list'],
    ['verdict.block.patient-invalid'],
    ['verdict.block.other-patient'],
  ];
  for (let d = 13; d >= 0; d--) {
    const day = new Date(now.getTime() - d * DAY);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const n = weekend ? 4 : 12 + ((d * 7) % 9);
    for (let i = 0; i < n; i++) {
      const kind = i % 6 === 0 ? 'block' : i % 5 === 0 ? 'warn' : 'allow';
      const rs = kind === 'allow' ? [] : kind === 'warn' ? reasons[1]! : reasons[(i + d) % 5 === 1 ? 0 : (i + d) % 5]!;
      out.push({
        time: new Date(day.getTime() - i * 60_000).toISOString(),
        host: hosts[(i + d) % 3]!,
        mode: 'audit',
        verdict: 'allow',
        auditVerdict: kind,
        reasons: rs,
        sender: 'martin@medecin.mssante.fr',
        recipientDomains: kind === 'allow' ? ['medecin.mssante.fr'] : ['gmail.com'],
      });
    }
  }
  return out;
}

describe('audit admin page in Chromium', () => {
  let server: VigieServer;
  let browser: Browser;
  let page: Page;
  const cspErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const config = parseServerConfig(
      { port: 0, tls: { mode: 'off' }, home: tempDir('audit-page'), directory: { syntheticCount: 100 } },
      { env: { VIGIE_ADMIN_TOKEN: TOKEN } },
    );
    server = await startServer(config, { log: () => undefined });
    const events = fortnight(new Date());
    for (let i = 0; i < events.length; i += 50) {
      const res = await fetch(`${server.url}/api/audit/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events: events.slice(i, i + 50) }),
      });
      expect(res.status).toBe(202);
    }
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await (await browser.newContext({ viewport: { width: 1100, height: 1300 }, locale: 'fr-FR' })).newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeTempDirs();
  });

  it('is reached from the landing page', async () => {
    await page.goto(`${server.url}/`);
    await page.screenshot({ path: join(shots, 'landing-audit.png') });
    await page.getByRole('link', { name: 'rapport' }).click();
    await page.getByRole('heading', { name: /Audit des envois/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin');
  });

  it('refuses a wrong token and shows nothing', async () => {
    await page.getByLabel(/Jeton d’administration/).fill('a-wrong-token-000000000');
    await page.getByRole('button', { name: /Afficher/ }).click();
    await page.getByText('Jeton refusé').waitFor();
    expect(await page.locator('#report').isHidden()).toBe(true);
  });

  it('draws the checks per day by verdict and lists the top reasons with the right token', async () => {
    await page.getByLabel(/Jeton d’administration/).fill(TOKEN);
    await page.getByRole('button', { name: /Afficher/ }).click();
    await page.locator('#chart svg rect').first().waitFor();
    const total = fortnight(new Date()).length;
    await page.getByText(new RegExp(`${new Intl.NumberFormat('fr-FR').format(total)} vérifications du`)).waitFor();
    // One bar segment per non-empty verdict of each of the 14 days.
    expect(await page.locator('#chart svg rect').count()).toBeGreaterThanOrEqual(14 * 2);
    const counts = new Map<string, number>();
    for (const e of fortnight(new Date())) for (const r of e.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    const [topCode, topCount] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const first = page.locator('#reasons tr').first();
    expect(await first.locator('td').first().getAttribute('title')).toBe(topCode);
    expect(await first.innerText()).toContain(String(topCount));
    expect(await page.evaluate(() => sessionStorage.getItem('vigie-admin-token'))).toBe(TOKEN);
    await page.screenshot({ path: join(shots, 'audit-admin.png'), fullPage: true });
  });

  it('shows the report again after a reload, from the token kept for the tab', async () => {
    await page.reload();
    await page.locator('#chart svg rect').first().waitFor();
    expect(await page.locator('#report').isVisible()).toBe(true);
  });

  it('passes an axe-core accessibility check (WCAG 2 A/AA) and raises no CSP violation', async () => {
    await page.evaluate(AXE);
    const result = await page.evaluate(() =>
      (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe.run({
        runOnly: ['wcag2a', 'wcag2aa'],
      }),
    );
    expect(result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes).slice(0, 300)}`)).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
