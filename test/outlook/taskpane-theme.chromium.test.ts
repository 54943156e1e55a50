// The Outlook task pane in Office's dark theme, in a Windows contrast theme and in a 320 px pane (Debian's Chromium,
// the real companion server): it takes Office's colours, stays readable, and addresses wrap only after « @ » or a dot.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer } from '../server/support';
import type { VigieServer } from '../../server/app';

const root = join(__dirname, '../..');
const shots = join(root, 'test-results/screenshots');
const OFFICE_JS = readFileSync(join(root, 'dist/outlook/office/office.js'), 'utf8');
const ITEM = `window.__vigieFakeItem = { itemType: 'message', to: { getAsync: (cb) => setTimeout(() => cb({ status: 'succeeded', value: [] }), 0) } };`;
const DARK = {
  bodyBackgroundColor: '#262626',
  bodyForegroundColor: '#ffffff',
  controlBackgroundColor: '#333333',
  controlForegroundColor: '#ffffff',
  isDarkTheme: true,
};
const asOutlook = (theme?: object) => `;(() => { Office.onReady = () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' });
  Object.defineProperty(Office, 'context', { configurable: true, value: { displayLanguage: 'fr-FR', ${theme ? `officeTheme: ${JSON.stringify(theme)},` : ''} mailbox: { item: window.__vigieFakeItem } } }); })();`;

/** Where each rendered line of every address starts: the character before must be « @ » or a dot. */
const WRAPS = () =>
  [...document.querySelectorAll('.vigie-address')].flatMap((el) => {
    const text = el.textContent ?? '';
    const range = document.createRange();
    const tops: { index: number; top: number }[] = [];
    let offset = 0;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent!.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        tops.push({ index: offset + i, top: Math.round(range.getBoundingClientRect().top) });
      }
      offset += node.textContent!.length;
    }
    return tops.filter((t, i) => i > 0 && t.top > tops[i - 1]!.top + 2).map((t) => ({ address: text, before: text[t.index - 1] }));
  });

describe('Outlook task pane: Office theme, contrast theme, narrow pane', () => {
  let server: VigieServer;
  let browser: Browser;
  let query: string;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    ({ server } = await startTestServer({ addinDir: join(root, 'dist/outlook') }));
    const res = await fetch(`${server.url}/api/directory/search?q=cardiologie&type=PER&limit=1`);
    const hit = ((await res.json()) as { results: { familyName: string; city: string }[] }).results[0]!;
    query = `cardiologie ${hit.city}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function pane(opts: { width: number; theme?: object; forcedColors?: boolean }): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: opts.width, height: 760 },
      locale: 'fr-FR',
      ...(opts.forcedColors ? { forcedColors: 'active' as const } : {}),
    });
    await context.addInitScript(ITEM);
    await context.route('**/outlook/office/office.js', (route) =>
      route.fulfill({ status: 200, contentType: 'application/javascript', body: OFFICE_JS + asOutlook(opts.theme) }),
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/outlook/taskpane.html`);
    await page.getByRole('combobox').fill(query);
    await page.getByRole('option').first().waitFor();
    return page;
  }

  const colours = (page: Page) =>
    page.evaluate(() => {
      const el = document.querySelector('.vigie-root')!;
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, color: s.color };
    });

  it('takes the colours of Office’s dark theme', async () => {
    const page = await pane({ width: 360, theme: DARK });
    await page.screenshot({ path: join(shots, 'outlook-taskpane-dark.png') });
    expect(await colours(page)).toEqual({ background: 'rgb(38, 38, 38)', color: 'rgb(255, 255, 255)' });
    await page.context().close();
  }, 60_000);

  it('keeps the light look when Office says nothing, and the system colours in a contrast theme', async () => {
    const light = await pane({ width: 360 });
    expect(await colours(light)).toEqual({ background: 'rgb(255, 255, 255)', color: 'rgb(31, 31, 31)' });
    await light.context().close();
    const contrast = await pane({ width: 360, theme: DARK, forcedColors: true });
    await contrast.screenshot({ path: join(shots, 'outlook-taskpane-contrast.png') });
    const c = await colours(contrast);
    const system = await contrast.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.background = 'Canvas';
      probe.style.color = 'CanvasText';
      document.body.append(probe);
      const s = getComputedStyle(probe);
      return { background: s.backgroundColor, color: s.color };
    });
    expect(c).toEqual(system);
    await contrast.context().close();
  }, 60_000);

  it('at 320 px, addresses wrap only after « @ » or a dot, and the « À » button stays whole', async () => {
    const page = await pane({ width: 320 });
    await page.screenshot({ path: join(shots, 'outlook-taskpane-320.png'), fullPage: true });
    const wraps = await page.evaluate(WRAPS);
    for (const w of wraps) expect(['@', '.']).toContain(w.before);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= 320)).toBe(true);
    await page.context().close();
  }, 60_000);
});
