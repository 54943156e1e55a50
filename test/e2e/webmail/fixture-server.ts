// One fixture server for every browser: the saved compose pages served over HTTPS on loopback under the providers'
// real host names, with a certificate made for them (Chromium trusts it through its SPKI hash, Firefox through
// WebDriver's acceptInsecureCerts). `?page=<name>` picks a saved page; `&redesign=1` applies the page's own
// "redesign" (its fixture JSON lists the hooks a provider redesign would rename), so the recipients cannot be read;
// `&redesign=send` renames the Send button's hooks instead.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { extname, join, normalize } from 'node:path';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export const ROOT = join(__dirname, '../../..');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const FIXTURES = join(ROOT, 'test/fixtures/webmail');

/** Host → saved pages folder. */
export const HOSTS: Record<string, string> = {
  'mail.google.com': 'gmail',
  'outlook.office.com': 'outlook-web',
  'outlook.live.com': 'outlook-web',
  'mail.yahoo.com': 'yahoo',
  'mailiz.mssante.fr': 'generic-mssante',
  'webmail.ght-exemple.mssante.fr': 'generic-mssante',
};

export async function certificate(hosts: string[]): Promise<{ cert: string; key: string; spki: string }> {
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
  const key = `-----BEGIN PRIVATE KEY-----\n${pkcs8
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END PRIVATE KEY-----\n`;
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
export async function startFixtureServer(
  extra: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean = () => false,
): Promise<FixtureServer> {
  const { cert, key, spki } = await certificate(Object.keys(HOSTS));
  const server: Server = createServer({ cert, key }, (req, res) => {
    if (extra(req, res)) return;
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
    let body = readFileSync(file);
    const variant = url.searchParams.get('redesign');
    if (variant) body = Buffer.from(redesign(body.toString('utf8'), variant === 'send' ? 'redesignSend' : 'redesign'));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    spki,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/**
 * The page with the hooks its fixture JSON lists renamed (outside that JSON), as a provider redesign would: `redesign`
 * for the recipients, `redesignSend` for the Send button.
 */
export function redesign(html: string, list: 'redesign' | 'redesignSend' = 'redesign'): string {
  const m = /<script type="application\/json" id="fixture">([\s\S]*?)<\/script>/.exec(html);
  const pairs = m ? ((JSON.parse(m[1]!) as Record<string, [string, string][] | undefined>)[list] ?? []) : [];
  if (!pairs.length) throw new Error('this page lists no redesign');
  const [before, after] = [html.slice(0, m!.index), html.slice(m!.index)];
  return pairs.reduce((h, [from, to]) => h.split(from).join(to), before) + after;
}
