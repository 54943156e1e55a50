// Chromium harness: the built extension (dist/chrome) in Debian's Chromium under Playwright, the fixture server's
// host names mapped to loopback (--host-resolver-rules) and its certificate trusted through its SPKI hash, an optional
// managed policy in Chromium's policy folder, and the companion server for the picker.
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionIdOfKey } from '../../../manifests/extension/dev-id';
import { chromeManagedPolicy } from '../../../manifests/policies/templates';
import { HOSTS, ROOT, type FixtureServer } from '../webmail/fixture-server';

export { HOSTS, ROOT, SCREENSHOTS, startFixtureServer, type FixtureServer } from '../webmail/fixture-server';
export const EXTENSION = join(ROOT, 'dist/chrome');
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
/** Chromium's machine-wide managed policy folder (Linux). */
export const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'vigie-e2e-webmail.json');

/** The ID Chromium gives an unpacked extension: SHA-256 of its absolute path, first 32 hex digits written a–p. */
export function unpackedExtensionId(path: string): string {
  return createHash('sha256')
    .update(path)
    .digest('hex')
    .slice(0, 32)
    .replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
}

/** The ID of the built extension: from its manifest `key` (the development key), else from its path. */
export function builtExtensionId(): string {
  const key = (JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8')) as { key?: string }).key;
  return key ? extensionIdOfKey(key) : unpackedExtensionId(EXTENSION);
}

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/** Launches Chromium with the extension; `policy` (if given) is written to the managed policy folder first. */
export async function launch(fixtures: FixtureServer, opts: { policy?: Record<string, unknown> } = {}): Promise<Browser> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('dist/chrome is missing: run npm run build first');
  const extensionId = builtExtensionId();
  if (opts.policy) {
    mkdirSync(POLICY_DIR, { recursive: true });
    // The managed policy file IT deploys, as `npm run package` generates it (manifests/policies/templates.ts).
    writeFileSync(
      POLICY_FILE,
      JSON.stringify(chromeManagedPolicy({ chrome: extensionId, firefox: '', thunderbird: '' }, opts.policy as Parameters<typeof chromeManagedPolicy>[1])),
    );
  } else rmSync(POLICY_FILE, { force: true });
  const profile = mkdtempSync(join(tmpdir(), 'vigie-chromium-'));
  const rules = Object.keys(HOSTS)
    .map((h) => `MAP ${h} 127.0.0.1:${fixtures.port}`)
    .join(', ');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'fr-FR',
      viewport: { width: 1100, height: 760 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--lang=fr-FR',
        `--host-resolver-rules=${rules}, EXCLUDE 127.0.0.1`,
        `--ignore-certificate-errors-spki-list=${fixtures.spki}`,
        `--disable-extensions-except=${EXTENSION}`,
        `--load-extension=${EXTENSION}`,
      ],
    });
  } catch (e) {
    rmSync(POLICY_FILE, { force: true });
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  // Chromium loads extension policy a few seconds after start; pages opened before that wait for it.
  const t0 = Date.now();
  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<unknown> } } } }).chrome.storage.managed.get(null),
  );
  if (process.env.VIGIE_E2E_DEBUG) console.log(`managed storage ready in ${Date.now() - t0} ms`);
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(POLICY_FILE, { force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The companion server (the built `vigie serve`), plain HTTP on loopback, allowing the extension's origin. */
export async function startCompanion(extensionId: string): Promise<{ url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-companion-'));
  const config = join(dir, 'server.json');
  writeFileSync(
    config,
    JSON.stringify({
      port: 0,
      host: '127.0.0.1',
      tls: { mode: 'off' },
      home: join(dir, 'home'),
      corsOrigins: [`chrome-extension://${extensionId}`],
      directory: { source: 'synthetic', syntheticCount: 3000 },
      di: { mode: 'demo' },
    }),
  );
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist/cli/vigie.cjs'), 'serve', '--config', config], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const onData = (b: Buffer) => {
      seen += b.toString();
      const m = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    const timer = setTimeout(() => reject(new Error(`vigie serve did not start: ${seen.slice(-400)}`)), 20_000);
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vigie serve exited (${code}): ${seen.slice(-400)}`));
    });
  });
  // Wait for the directory to be searchable.
  for (let i = 0; i < 100; i++) {
    const r = await fetch(`${url}/api/directory/search?q=martin&limit=1`).catch(() => undefined);
    if (r?.ok) break;
    await new Promise((r2) => setTimeout(r2, 200));
  }
  return {
    url,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
