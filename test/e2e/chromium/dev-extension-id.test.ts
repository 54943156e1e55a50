// `npm start` then the Chromium build of this repository: the extension gets its fixed development id (manifest
// `key`), and the server on its embedded defaults answers that extension's directory searches (CORS) with no setting.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type BrowserContext } from 'playwright-core';
import { DEV_CHROME_ID } from '../../../manifests/extension/dev-id';
import { CHROMIUM, EXTENSION, ROOT } from './harness';

let serve: ChildProcess;
let url: string;
let context: BrowserContext;
const dirs: string[] = [];
const temp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  serve = spawn(process.execPath, [join(ROOT, 'dist/cli/vigie.cjs'), 'serve', '--port', '0', '--http', '--directory-size', '2000'], {
    env: { ...process.env, VIGIE_HOME: temp('vigie-home-') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no URL printed')), 20_000);
    createInterface({ input: serve.stdout! }).on('line', (line) => {
      const m = /companion server\s?: (http:\/\/\S+?)\/$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  context = await chromium.launchPersistentContext(temp('vigie-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  serve?.kill('SIGTERM');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

it('the unpacked Chromium build has the development id, and the default local server answers it', async () => {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  expect(new URL(worker.url()).host).toBe(DEV_CHROME_ID);
  let answer: { status: number; first?: string } | undefined;
  for (let i = 0; i < 50; i++) {
    answer = await worker.evaluate(async (base) => {
      const res = await fetch(`${base}/api/directory/search?q=lefevre%20claire`, { credentials: 'omit' });
      return { status: res.status, first: res.ok ? ((await res.json()) as { results: { address: string }[] }).results[0]?.address : undefined };
    }, url);
    if (answer.status !== 503) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(answer).toEqual({ status: 200, first: 'claire.lefevre@medecin.mssante.fr' });
}, 60_000);
