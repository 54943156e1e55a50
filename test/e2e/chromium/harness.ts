// Real-browser harness: the built extension (dist/chrome) in Debian's Chromium under Playwright, the saved compose
// pages served over HTTPS on loopback under the providers' real host names (--host-resolver-rules, and a local
// certificate Chromium trusts through its SPKI hash), an optional managed policy in Chromium's policy folder, and
// the companion server for the picker.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromeManagedPolicy } from '../../../manifests/policies/templates';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export const ROOT = join(__dirname, '../../..');
export const EXTENSION = join(ROOT, 'dist/chrome');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const FIXTURES = join(ROOT, 'test/fixtures/webmail');
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
/** Chromium's machine-wide managed policy folder (Linux). */
export const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'vigie-e2e-webmail.json');

/** Host → saved pages folder. */
export const HOSTS: Record<string, string> = {
  'mail.google.com': 'gmail',
  'outlook.office.com': 'outlook-web',
  'outlook.live.com': 'outlook-web',
  'mail.yahoo.com': 'yahoo',
  'mailiz.mssante.fr': 'generic-mssante',
  'webmail.ght-exemple.mssante.fr': 'generic-mssante',
};

/** The ID Chromium gives an unpacked extension: SHA-256 of its absolute path, first 32 hex digits written a–p. */
export function unpackedExtensionId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 32).replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
}

async function certificate(hosts: string[]): Promise<{ cert: string; key: string; spki: string }> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const notBefore = new Date(Date.now() - 60_000);
  const c = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01' + webcrypto.getRandomValues(new Uint8Array(8)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), ''),
    name: 'CN=Vigie e2e webmail fixtures',
    notBefore,
    notAfter: new Date(notBefore.getTime() + 2 * 86400_000),
    signingAlgorithm: alg,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(hosts.map((value) => ({ type: 'dns' as const, value }))),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as unknown as webcrypto.CryptoKey));
  const key = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
  const cert = c.toString('pem');
  const spkiDer = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return { cert, key, spki: createHash('sha256').update(spkiDer).digest('base64') };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };

export interface FixtureServer {
  port: number;
  spki: string;
  close(): Promise<void>;
}

/** Serves test/fixtures/webmail/<provider>/ for each provider host; `/_page/` is common to all. Any path without a
 * file extension is the provider's compose page (`?page=<name>` picks another saved page). */
export async function startFixtureServer(): Promise<FixtureServer> {
  const { cert, key, spki } = await certificate(Object.keys(HOSTS));
  const server: Server = createServer({ cert, key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://x');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const folder = HOSTS[host];
    let file: string;
    if (url.pathname.startsWith('/_page/')) file = join(FIXTURES, normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
    else if (folder && !extname(url.pathname)) file = join(FIXTURES, folder, `${(url.searchParams.get('page') ?? 'compose').replace(/[^a-z0-9-]/g, '')}.html`);
    else file = '';
    if (!file.startsWith(FIXTURES) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    spki,
    close: () => new Promise((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
  };
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
  const extensionId = unpackedExtensionId(EXTENSION);
  if (opts.policy) {
    mkdirSync(POLICY_DIR, { recursive: true });
    // The managed policy file IT deploys, as `npm run package` generates it (manifests/policies/templates.ts).
    writeFileSync(POLICY_FILE, JSON.stringify(chromeManagedPolicy({ chrome: extensionId, firefox: '', thunderbird: '' }, opts.policy as Parameters<typeof chromeManagedPolicy>[1])));
  } else rmSync(POLICY_FILE, { force: true });
  const profile = mkdtempSync(join(tmpdir(), 'vigie-chromium-'));
  const rules = Object.keys(HOSTS).map((h) => `MAP ${h} 127.0.0.1:${fixtures.port}`).join(', ');
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
  await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<unknown> } } } }).chrome.storage.managed.get(null));
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
  writeFileSync(config, JSON.stringify({ port: 0, host: '127.0.0.1', tls: { mode: 'off' }, home: join(dir, 'home'), corsOrigins: [`chrome-extension://${extensionId}`], directory: { source: 'synthetic', syntheticCount: 3000 }, di: { mode: 'demo' } }));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist/cli/vigie.cjs'), 'serve', '--config', config], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
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
