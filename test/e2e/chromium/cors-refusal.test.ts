// The directory client in Debian's Chromium, on a page of another origin than the companion server: a server that
// refuses the origin (CORS) is reported as such, a server that is down as not answering, an allowed origin gets results.
import { buildSync } from 'esbuild';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { removeTempDirs, startTestServer } from '../../server/support';
import { CHROMIUM, ROOT } from './harness';

let pageServer: Server;
let pageOrigin: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const client = buildSync({
    entryPoints: [join(ROOT, 'shared/directory/server-client.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'VigieClient',
    write: false,
  }).outputFiles[0]!.text;
  pageServer = createServer((req, res) => {
    if (req.url === '/client.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(client);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>picker</title><script src="/client.js"></script>');
  });
  await new Promise<void>((r) => pageServer.listen(0, '127.0.0.1', r));
  pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  page = await browser.newPage();
  await page.goto(`${pageOrigin}/`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => pageServer.close(r));
  removeTempDirs();
});

/** What the picker would show: 'results' or the error's code and French text. */
function search(base: string, q = 'lefevre claire'): Promise<{ code: string; fr?: string }> {
  return page.evaluate(
    async ([url, text]) => {
      const c = new (
        window as unknown as { VigieClient: { ServerDirectoryClient: new (u: string, f: typeof fetch) => { search(q: { q: string }): Promise<unknown> } } }
      ).VigieClient.ServerDirectoryClient(url, (u, i) => fetch(u, i));
      try {
        await c.search({ q: text });
        return { code: 'results' };
      } catch (e) {
        return { code: (e as { code: string }).code, fr: (e as { text: { fr: string } }).text.fr };
      }
    },
    [base, q] as const,
  );
}

describe('a CORS refusal in Chromium', () => {
  it('is reported as a refusal naming corsOrigins, not as a server that does not answer', async () => {
    const { server } = await startTestServer({ corsOrigins: [] });
    try {
      const r = await search(server.url);
      expect(r.code).toBe('refused');
      expect(r.fr).toMatch(/refuse les demandes de cette extension.*corsOrigins/);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('an allowed origin gets results; a stopped server does not answer', async () => {
    const { server } = await startTestServer({ corsOrigins: [pageOrigin] });
    const url = server.url;
    try {
      expect(await search(url)).toEqual({ code: 'results' });
    } finally {
      await server.close();
    }
    expect(await search(url, 'martin lyon')).toMatchObject({ code: 'unreachable', fr: expect.stringMatching(/ne répond pas/) });
  }, 60_000);
});
