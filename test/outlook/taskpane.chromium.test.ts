// The Outlook task pane in Debian's Chromium, served by the real companion server, with office.js from the project
// and a fake mailbox item standing in for Outlook: search the Annuaire Santé, insert a recipient, attach a DI
// document; screenshots taken; an axe-core accessibility check.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer } from '../server/support';
import type { VigieServer } from '../../server/app';
import { eventually } from '../support/eventually';

const root = join(__dirname, '../..');
const shots = join(root, 'test-results/screenshots');
const OFFICE_JS = readFileSync(join(root, 'dist/outlook/office/office.js'), 'utf8');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The fake item records what the task pane asks of Outlook.
const FAKE_MAILBOX = `(() => {
  const calls = [];
  window.__vigieCalls = calls;
  const ok = (cb) => setTimeout(() => cb({ status: 'succeeded' }), 0);
  const field = (name) => ({ addAsync: (r, cb) => { calls.push({ op: 'add', field: name, recipients: r }); ok(cb); }, getAsync: (cb) => setTimeout(() => cb({ status: 'succeeded', value: [] }), 0) });
  window.__vigieFakeItem = {
    itemType: 'message',
    to: field('to'), cc: field('cc'), bcc: field('bcc'),
    subject: { setAsync: (s, cb) => { calls.push({ op: 'subject', value: s }); ok(cb); } },
    internetHeaders: { setAsync: (h, cb) => { calls.push({ op: 'headers', value: h }); ok(cb); } },
    addFileAttachmentFromBase64Async: (b64, name, cb) => { calls.push({ op: 'attach', name, size: atob(b64).length }); ok(cb); },
  };
})();`;
// After office.js: Outlook is the host and the item is the fake one.
const AS_OUTLOOK = `;(() => { Office.onReady = () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' });
  Object.defineProperty(Office, 'context', { configurable: true, value: { displayLanguage: 'fr-FR', mailbox: { item: window.__vigieFakeItem } } }); })();`;

type Call = { op: string; field?: string; recipients?: { emailAddress: string; displayName: string }[]; name?: string; size?: number; value?: unknown };

describe('Outlook task pane in Chromium', () => {
  let server: VigieServer;
  let browser: Browser;
  let page: Page;
  let target: { address: string; familyName: string; city: string };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const policyFile = join(tmpdir(), `vigie-policy-${process.pid}.json`);
    writeFileSync(policyFile, JSON.stringify({ documents: { productReference: 'VIGIE-CHU-TEST' } }));
    ({ server } = await startTestServer({ addinDir: join(root, 'dist/outlook'), policyFile }));
    const res = await fetch(`${server.url}/api/directory/search?q=cardiologie&type=PER&limit=1`);
    const hit = ((await res.json()) as { results: { address: string; familyName: string; city: string }[] }).results[0]!;
    target = hit;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 360, height: 720 }, locale: 'fr-FR' });
    await context.addInitScript(FAKE_MAILBOX);
    await context.route('**/outlook/office/office.js', (route) =>
      route.fulfill({ status: 200, contentType: 'application/javascript', body: OFFICE_JS + AS_OUTLOOK }),
    );
    page = await context.newPage();
    await page.goto(`${server.url}/outlook/taskpane.html`);
    await page.getByRole('combobox').waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const calls = () => page.evaluate(() => (window as unknown as { __vigieCalls: unknown[] }).__vigieCalls) as Promise<Call[]>;

  it('finds a professional by name and city and inserts the address into To with the keyboard', async () => {
    await page.getByRole('combobox').fill(`${target.familyName} ${target.city}`);
    const option = page.getByRole('option').filter({ hasText: target.address }).first();
    await option.waitFor();
    await page.screenshot({ path: join(shots, 'outlook-taskpane-search.png') });
    const index = await page.getByRole('option').evaluateAll((els, address) => els.findIndex((e) => e.textContent!.includes(address)), target.address);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await calls()).toContainEqual(
        expect.objectContaining({ op: 'add', field: 'to', recipients: [expect.objectContaining({ emailAddress: target.address })] }),
      ),
    );
    await eventually(async () => expect(await page.getByRole('status').first().textContent()).toMatch(/ajouté en À/));
  }, 60_000);

  it('finds “Dr <name>” and “généraliste <city>”, and offers “Vouliez-vous dire …” when nothing is found', async () => {
    type Hit = { address: string; familyName: string; city?: string; civility?: string; specialty?: string };
    const hits = (
      (await (await fetch(`${server.url}/api/directory/search?q=${encodeURIComponent('médecine générale')}&type=PER&limit=100`)).json()) as { results: Hit[] }
    ).results;
    const gp = hits.find((h) => h.city && h.civility === 'DR' && /^[A-Z]+$/.test(h.familyName))!;
    const input = page.getByRole('combobox');
    const texts = () => page.getByRole('option').allTextContents();

    await input.fill(`Dr ${gp.familyName.toLowerCase()}`);
    await page.getByRole('option').first().waitFor();
    await eventually(async () => {
      const shown = await texts();
      expect(shown.length).toBeGreaterThan(0);
      for (const t of shown) expect(t.toUpperCase()).toContain(gp.familyName);
      expect(shown[0]).toMatch(/^Dr /);
    });
    await page.screenshot({ path: join(shots, 'outlook-taskpane-dr-name.png') });

    await input.fill(`généraliste ${gp.city!.toLowerCase()}`);
    await eventually(async () => {
      const shown = await texts();
      expect(shown.join()).toContain(gp.address);
      for (const t of shown) {
        expect(t).toMatch(/médecine générale/i);
        expect(t).toContain(gp.city!);
      }
    });
    await page.screenshot({ path: join(shots, 'outlook-taskpane-generaliste-city.png') });

    // Two wrong letters: nothing is found, the closest words are offered and searched when chosen.
    await input.fill(`generalistte ${gp.city!.toLowerCase()}x`);
    const suggestion = page.getByRole('button', { name: `«\u00a0généraliste ${gp.city!.toLowerCase().replace(/-/g, ' ')}\u00a0»` });
    await suggestion.waitFor();
    await expect(page.locator('.vigie-did-you-mean').textContent()).resolves.toMatch(/^Vouliez-vous dire «\u00a0.*\u00a0»\u202f\?$/);
    await page.screenshot({ path: join(shots, 'outlook-taskpane-did-you-mean.png') });
    await suggestion.click();
    await page.getByRole('option').filter({ hasText: gp.address }).first().waitFor();
  }, 60_000);

  it('inserts into Bcc with the button, and builds a patient address from an INS', async () => {
    await page
      .getByRole('button', { name: /en Cci$/ })
      .first()
      .click();
    await eventually(async () => expect((await calls()).filter((c) => c.field === 'bcc')).toHaveLength(1));
    await page.getByText('Écrire à un patient (adresse INS)').click();
    await page.getByLabel(/Matricule INS qualifié/).fill('279035121518989');
    await page.getByRole('button', { name: 'Ajouter en À' }).click();
    await eventually(async () =>
      expect(await calls()).toContainEqual(
        expect.objectContaining({ op: 'add', field: 'to', recipients: [expect.objectContaining({ emailAddress: '279035121518989@patient.mssante.fr' })] }),
      ),
    );
  }, 60_000);

  it('passes an axe-core accessibility check (WCAG 2 A/AA)', async () => {
    await page.evaluate(AXE);
    const result = await page.evaluate(() =>
      (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe.run({
        runOnly: ['wcag2a', 'wcag2aa'],
      }),
    );
    expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }, 60_000);

  it('attaches a DI document as IHE_XDM.ZIP + PDF, with the MSSanté subject and X-MSS headers', async () => {
    await page.getByRole('tab', { name: 'Documents du dossier' }).click();
    await page.getByLabel('Matricule INS du patient').fill('279035121518989');
    await page.getByLabel('Nom de naissance').fill('Dupont');
    await page.getByLabel('Premier prénom').fill('Marie');
    await page.getByLabel('Date de naissance').fill('1979-03-05');
    await page.getByRole('button', { name: 'Chercher les documents' }).click();
    await page.getByRole('checkbox', { name: /Compte rendu de consultation de cardiologie/ }).check();
    await page.screenshot({ path: join(shots, 'outlook-taskpane-documents.png') });
    await page.getByRole('button', { name: 'Joindre au message' }).click();
    await eventually(
      async () =>
        expect((await calls()).filter((c) => c.op === 'attach').map((c) => c.name)).toEqual(['IHE_XDM.ZIP', expect.stringMatching(/_DUPONT_MARIE\.pdf$/)]),
      15_000,
    );
    const all = await calls();
    expect(all.find((c) => c.op === 'subject')?.value).toBe('XDM/1.0/DDM+Compte rendu de consultation de cardiologie DUPONT Marie 05/03/1979');
    // The DI's PDF is wrapped in a CDA level 1 (X-MSS-CODECDA); no sex given, so X-MSS-INS says N; the product
    // reference comes from the org policy the server publishes. Subject and headers are set before the files.
    expect(all.find((c) => c.op === 'headers')?.value).toEqual({ 'X-MSS-CODECDA': '11488-4', 'X-MSS-INS': 'N', 'X-MSS-NIL': 'VIGIE-CHU-TEST' });
    const ops = all.map((c) => c.op);
    expect(ops.indexOf('subject')).toBeLessThan(ops.indexOf('attach'));
    expect(ops.indexOf('headers')).toBeLessThan(ops.indexOf('attach'));
    await page.screenshot({ path: join(shots, 'outlook-taskpane-attached.png') });
  }, 60_000);
  it('opened from a warning’s Smart Alerts button: asks the reason, refuses none, then sends once with sendAsync (axe-checked)', async () => {
    // The item as the handler left it (a warning noted in sessionData) in an Outlook with Mailbox 1.15.
    const warnedItem = `(() => {
      const data = new Map([['vigie.warned', JSON.stringify({ at: Date.now() })]]);
      window.__vigieSessionData = data;
      window.__vigieSends = 0;
      Object.assign(window.__vigieFakeItem, {
        sessionData: {
          getAsync: (k, cb) => setTimeout(() => cb(data.has(k) ? { status: 'succeeded', value: data.get(k) } : { status: 'failed' }), 0),
          setAsync: (k, v, cb) => { data.set(k, v); setTimeout(() => cb && cb({ status: 'succeeded' }), 0); },
          removeAsync: (k, cb) => { data.delete(k); setTimeout(() => cb && cb({ status: 'succeeded' }), 0); },
        },
        sendAsync: (cb) => { window.__vigieSends++; setTimeout(() => cb({ status: 'succeeded' }), 0); },
      });
    })();`;
    const context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: 'fr-FR' });
    await context.addInitScript(FAKE_MAILBOX);
    await context.addInitScript(warnedItem);
    const as115 = AS_OUTLOOK.replace(
      'mailbox: { item: window.__vigieFakeItem } }',
      "mailbox: { item: window.__vigieFakeItem }, requirements: { isSetSupported: (n, v) => n === 'Mailbox' && Number(v) <= 1.15 } }",
    );
    await context.route('**/outlook/office/office.js', (route) =>
      route.fulfill({ status: 200, contentType: 'application/javascript', body: OFFICE_JS + as115 }),
    );
    const pane = await context.newPage();
    await pane.goto(`${server.url}/outlook/taskpane.html`);
    await pane.getByRole('heading', { name: 'Envoyer quand même\u202f?' }).waitFor();
    await pane.getByRole('button', { name: 'Confirmer l’envoi' }).click();
    await eventually(async () => expect(await pane.getByRole('alert').textContent()).toBe('Choisissez un motif ou écrivez-le pour envoyer quand même.'));
    expect(await pane.evaluate(() => (window as unknown as { __vigieSends: number }).__vigieSends)).toBe(0);
    await pane.getByLabel('Autre motif (facultatif si un motif est coché)').fill('Correspondant sans MSSanté, prévenu');
    await pane.screenshot({ path: join(shots, 'outlook-taskpane-override.png') });
    await pane.evaluate(AXE);
    const result = await pane.evaluate(() =>
      (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe.run({
        runOnly: ['wcag2a', 'wcag2aa'],
      }),
    );
    expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await pane.keyboard.press('Enter');
    await eventually(async () => expect(await pane.evaluate(() => (window as unknown as { __vigieSends: number }).__vigieSends)).toBe(1));
    const kept = await pane.evaluate(() => (window as unknown as { __vigieSessionData: Map<string, string> }).__vigieSessionData.get('vigie.override'));
    expect(JSON.parse(kept!)).toEqual({ at: expect.any(Number), reason: 'Correspondant sans MSSanté, prévenu' });
    await context.close();
  }, 60_000);
});
