// Pro Santé Connect through the server, against a real OpenID Provider shaped like PSC (test/support/psc-issuer.mjs):
// login start, callback, session, logout, with the login state in sealed cookies only (no server-side session).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { VigieServer } from '../../server/app';
import { parseServerConfig } from '../../server/config';
import { startServer } from '../../server/app';
import { removeTempDirs, tempDir } from './support';
import { startMhdServer, type MhdServer } from '../support/mhd-server';
import { CookieSealer } from '../../server/http/sealed-cookie';
import type { PscSession } from '../../server/psc/client';
import type { IncomingMessage } from 'node:http';

const REDIRECT = 'http://127.0.0.1:65535/api/psc/callback';
const CLIENT = { id: 'vigie-server-test', secret: 'a-test-secret-of-the-local-issuer', redirect: REDIRECT };

let child: ChildProcess;
let issuer: string;
let server: VigieServer;
let twin: VigieServer;
let di: MhdServer;
const diTokens = { valid: [] as string[] };
const SESSION_SECRET = 'shared-by-every-instance';

beforeAll(async () => {
  child = spawn(process.execPath, [join(__dirname, '..', 'support', 'psc-issuer.mjs')], {
    env: { ...process.env, PSC_CLIENT: JSON.stringify(CLIENT), PSC_ACCESS_TTL: '300', NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`issuer did not start: ${stderr}`)), 20_000);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
    child.once('exit', (code) => reject(new Error(`issuer exited ${code}: ${stderr}`)));
  });
  di = await startMhdServer(diTokens);
  const patient = await di.repo.createResource({
    resourceType: 'Patient',
    identifier: [{ system: 'urn:oid:1.2.250.1.213.1.4.8', value: '279035121518989' }],
    name: [{ family: 'DUPONT', given: ['Marie'] }],
    birthDate: '1979-03-05',
  });
  const bytes = Buffer.from('%PDF-1.4\nlettre\n%%EOF\n');
  const binary = await di.repo.createResource({ resourceType: 'Binary', contentType: 'application/pdf', data: bytes.toString('base64') });
  await di.repo.createResource({
    resourceType: 'DocumentReference',
    status: 'current',
    type: { coding: [{ system: 'http://loinc.org', code: '11490-0', display: 'Lettre de liaison' }] },
    subject: { reference: `Patient/${patient.id}` },
    date: '2026-03-01T10:00:00Z',
    content: [
      {
        attachment: {
          contentType: 'application/pdf',
          url: `Binary/${binary.id}`,
          size: bytes.length,
          hash: createHash('sha1').update(bytes).digest('base64'),
          title: 'Lettre',
        },
      },
    ],
  } as never);
  const overrides = {
    directory: { syntheticCount: 10 },
    psc: { issuer, clientId: CLIENT.id, clientSecret: 'env:PSC_SECRET', redirectUri: REDIRECT, allowHttp: true },
    sessionSecret: 'env:SESSION_SECRET',
    di: { mode: 'mhd', baseUrl: `${di.baseUrl}/fhir` },
  };
  const env = { PSC_SECRET: CLIENT.secret, SESSION_SECRET };
  // Two instances with the same secret stand for a load-balanced pair.
  const start = () => startServer(parseServerConfig({ port: 0, tls: { mode: 'off' }, home: tempDir('psc'), ...overrides }, { env }), { log: () => undefined });
  server = await start();
  twin = await start();
}, 40_000);

afterAll(async () => {
  await server?.close();
  await twin?.close();
  await di?.close();
  removeTempDirs();
  if (child.pid && child.exitCode === null) child.kill('SIGTERM');
});

class Jar {
  readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      if (attrs.some((a) => /max-age=0/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(i + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Plays the browser at PSC: follows its redirects, logs the account in at `acr`, returns the callback URL. */
async function atPsc(authUrl: string, account: string, acr: string): Promise<URL> {
  const jar = new Jar();
  let res = await fetch(authUrl, { redirect: 'manual' });
  jar.take(res);
  for (let hops = 0; hops < 10; hops++) {
    const location = res.headers.get('location');
    if (!location) throw new Error(`no redirect (HTTP ${res.status})`);
    const next = new URL(location, authUrl);
    if (next.href.startsWith(REDIRECT)) return next;
    if (next.pathname.includes('/interaction/')) {
      next.searchParams.set('account', account);
      next.searchParams.set('acr', acr);
    }
    res = await fetch(next.href, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
  }
  throw new Error('too many redirects');
}

async function login(acr = 'eidas1'): Promise<{ jar: Jar; callback: Response }> {
  const jar = new Jar();
  const start = await fetch(`${server.url}/api/psc/login`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  jar.take(start);
  const auth = new URL(start.headers.get('location')!);
  expect(auth.searchParams.get('acr_values')).toBe('eidas1');
  const back = await atPsc(auth.href, '810001234567', acr);
  // The callback may land on any instance: the pending login travels in the sealed cookie.
  const callback = await fetch(`${twin.url}/api/psc/callback${back.search}`, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.take(callback);
  return { jar, callback };
}

describe('Pro Santé Connect through the server', () => {
  it('logs in, shows the professional on any instance, and logs out', async () => {
    const { jar, callback } = await login();
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/');
    expect([...jar.cookies.keys()].some((k) => k.startsWith('vigie_psc.'))).toBe(true);
    for (const c of callback.headers.getSetCookie()) if (c.startsWith('vigie_psc.0=')) expect(c).toMatch(/HttpOnly/);

    const session = await (await fetch(`${server.url}/api/psc/session`, { headers: { cookie: jar.header() } })).json();
    expect(session).toMatchObject({ loggedIn: true, acr: 'eidas1', professional: { nationalId: '810001234567' } });
    // The cookie holds the tokens sealed: nothing readable in it.
    expect(jar.header()).not.toMatch(/MARTIN|810001234567|eyJ/);

    const out = await fetch(`${server.url}/api/psc/logout`, { method: 'POST', headers: { cookie: jar.header() } });
    jar.take(out);
    expect((await out.json()).logoutUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\/realms\/esante-wallet\//);
    expect(await (await fetch(`${server.url}/api/psc/session`, { headers: { cookie: jar.header() } })).json()).toEqual({ loggedIn: false });
  }, 30_000);

  it.each(['eidas2', 'eidas3'])(
    'accepts a CPS / e-CPS login that PSC answers at %s',
    async (acr) => {
      const { jar, callback } = await login(acr);
      expect(callback.status).toBe(302);
      const session = await (await fetch(`${server.url}/api/psc/session`, { headers: { cookie: jar.header() } })).json();
      expect(session).toMatchObject({ loggedIn: true, acr, professional: { nationalId: '810001234567' } });
    },
    30_000,
  );

  it('refuses a login that states no eIDAS level', async () => {
    const none = await login('none');
    expect(none.callback.status).toBe(401);
    expect((await none.callback.json()).error.code).toBe('psc-acr');
  }, 30_000);

  it('refuses a login below eidas1, a callback without its pending cookie, and a tampered session cookie', async () => {
    const weak = await login('eidas0');
    expect(weak.callback.status).toBe(401);
    expect((await weak.callback.json()).error.code).toMatch(/^psc-/);

    const start = await fetch(`${server.url}/api/psc/login`, { redirect: 'manual' });
    const back = await atPsc(start.headers.get('location')!, '810001234567', 'eidas1');
    expect((await fetch(`${server.url}/api/psc/callback${back.search}`, { redirect: 'manual' })).status).toBe(400);

    const { jar } = await login();
    const name = [...jar.cookies.keys()].find((k) => k.startsWith('vigie_psc.'))!;
    const v = jar.cookies.get(name)!;
    jar.cookies.set(name, `${v.slice(0, 40)}${v[40] === 'A' ? 'B' : 'A'}${v.slice(41)}`);
    expect(await (await fetch(`${server.url}/api/psc/session`, { headers: { cookie: jar.header() } })).json()).toEqual({ loggedIn: false });
  }, 30_000);

  it('asks for a login before reading the patient record', async () => {
    const res = await fetch(`${server.url}/api/di/documents?ins=279035121518989`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('login-required');
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ psc: { configured: true }, di: { mode: 'mhd', configured: true } });
  });

  it('reads the patient record on behalf of the logged-in professional, with their token', async () => {
    const { jar } = await login();
    const session = new CookieSealer(SESSION_SECRET, false).get<PscSession>({ headers: { cookie: jar.header() } } as IncomingMessage, 'vigie_psc')!;
    // Before the DI knows this token it refuses it, and the server says so.
    const refused = await fetch(`${server.url}/api/di/documents?ins=279035121518989`, { headers: { cookie: jar.header() } });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('di-unauthorized');
    diTokens.valid.push(session.accessToken);
    const res = await fetch(`${server.url}/api/di/documents?ins=279035121518989`, { headers: { cookie: jar.header() } });
    expect(res.status).toBe(200);
    const { documents } = await res.json();
    expect(documents).toHaveLength(1);
    const doc = await fetch(`${twin.url}/api/di/documents/${documents[0].id}?ins=279035121518989`, { headers: { cookie: jar.header() } });
    expect(doc.status).toBe(200);
    expect(Buffer.from(await doc.arrayBuffer()).toString()).toContain('lettre');
    expect(di.requests.filter((r) => r.authorization === `Bearer ${session.accessToken}`).length).toBeGreaterThanOrEqual(3);
  }, 30_000);

  it('refuses a cross-site POST', async () => {
    expect((await fetch(`${server.url}/api/psc/logout`, { method: 'POST', headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });
});
