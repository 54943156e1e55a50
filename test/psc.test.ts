// Pro Santé Connect login end to end against a real OpenID Provider (oidc-provider, in a child process since it is
// ESM-only) shaped like PSC: issuer under /auth/realms/esante-wallet, wallet discovery path, PSC claims.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { PscClient, type PscSession } from '../server/psc/client';
import { PscError } from '../shared/psc/claims';

const CLIENT = { id: 'vigie-test', secret: 'a-test-secret-of-the-local-issuer', redirect: 'http://127.0.0.1:65535/psc/callback' };
const ACCESS_TTL = 2;

let child: ChildProcess;
let issuer: string;

beforeAll(async () => {
  child = spawn(process.execPath, [join(__dirname, 'support', 'psc-issuer.mjs')], {
    env: { ...process.env, PSC_CLIENT: JSON.stringify(CLIENT), PSC_ACCESS_TTL: String(ACCESS_TTL), NODE_NO_WARNINGS: '1' },
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
}, 30_000);

afterAll(() => {
  if (child.pid && child.exitCode === null) child.kill('SIGTERM');
});

const newClient = () => PscClient.create({ issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, redirectUri: CLIENT.redirect, allowHttp: true });

/** Plays the browser: follows PSC's redirects with its cookies, logs `account` in at `acr`, returns the callback URL. */
async function browserLogin(authUrl: string, account: string, acr: string): Promise<string> {
  const jar = new Map<string, string>();
  const get = async (url: string) => {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  };
  let res = await get(authUrl);
  for (let hops = 0; hops < 10; hops++) {
    const location = res.headers.get('location');
    if (!location) throw new Error(`no redirect (HTTP ${res.status}): ${await res.text()}`);
    const next = new URL(location, authUrl);
    if (next.href.startsWith(CLIENT.redirect)) return next.href;
    if (next.pathname.includes('/interaction/')) {
      next.searchParams.set('account', account);
      next.searchParams.set('acr', acr);
    }
    res = await get(next.href);
  }
  throw new Error('too many redirects');
}

async function login(acr = 'eidas1'): Promise<{ client: PscClient; session: PscSession }> {
  const client = await newClient();
  const { url, pending } = await client.beginLogin();
  const callback = await browserLogin(url, '810001234567', acr);
  return { client, session: await client.completeLogin(callback, pending) };
}

describe('Pro Santé Connect', () => {
  it('discovers the issuer at the wallet path (the standard path is not served)', async () => {
    expect((await fetch(`${issuer}/.well-known/openid-configuration`)).status).toBe(404);
    expect((await fetch(`${issuer}/.well-known/wallet-openid-configuration`)).status).toBe(200);
    await expect(newClient()).resolves.toBeInstanceOf(PscClient);
  });

  it('asks for openid scope_all, eidas1 and PKCE S256', async () => {
    const client = await newClient();
    const { url, pending } = await client.beginLogin();
    const u = new URL(url);
    expect(u.searchParams.get('scope')).toBe('openid scope_all');
    expect(u.searchParams.get('acr_values')).toBe('eidas1');
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    expect(u.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(u.searchParams.get('code_challenge')).not.toBe(pending.codeVerifier);
    expect(u.searchParams.get('state')).toBe(pending.state);
    expect(u.searchParams.has('client_secret')).toBe(false);
  });

  it('logs a professional in and maps the PSC claims', async () => {
    const { session } = await login();
    expect(session.acr).toBe('eidas1');
    expect(session.professional).toMatchObject({ nationalId: '810001234567', rpps: '10001234567', familyName: 'MARTIN', givenName: 'Jeanne' });
    expect(session.professional.exercices[0]).toMatchObject({ profession: '10', savoirFaire: 'SM26' });
    expect(session.professional.exercices[0]!.activities[0]).toMatchObject({ raisonSociale: 'CHU EXEMPLE', secteurActivite: 'SA01' });
    expect(session.refreshToken).toBeTruthy();
  });

  it.each(['eidas2', 'eidas3'])('accepts a login at %s, the level PSC now answers for CPS card and e-CPS', async (acr) => {
    const { session } = await login(acr);
    expect(session.acr).toBe(acr);
    expect(session.professional.nationalId).toBe('810001234567');
  });

  it.each([
    ['eidas0', /eidas0/],
    ['none', /«\u00a0—\u00a0»|« — »/],
  ])('refuses a login at %s (below eidas1, or no level stated)', async (acr, shown) => {
    const client = await newClient();
    const { url, pending } = await client.beginLogin();
    const callback = await browserLogin(url, '810001234567', acr);
    const err = await client.completeLogin(callback, pending).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PscError);
    expect(err).toMatchObject({ code: 'acr' });
    expect((err as PscError).text.fr).toMatch(shown);
  });

  it('refuses a callback that does not match the pending login (state)', async () => {
    const client = await newClient();
    const first = await client.beginLogin();
    const second = await client.beginLogin();
    const callback = await browserLogin(first.url, '810001234567', 'eidas1');
    await expect(client.completeLogin(callback, second.pending)).rejects.toMatchObject({ code: 'state' });
  });

  it('detects an expired access token and refreshes it', async () => {
    const { client, session } = await login();
    await expect(client.userInfo(session.accessToken, session.professional.subject)).resolves.toMatchObject({ nationalId: '810001234567' });
    await new Promise((r) => setTimeout(r, ACCESS_TTL * 1000 + 500));
    await expect(client.userInfo(session.accessToken, session.professional.subject)).rejects.toMatchObject({ code: 'expired' });
    const { token, session: renewed } = await client.accessToken(session);
    expect(token).not.toBe(session.accessToken);
    expect(renewed.expiresAt).toBeGreaterThan(Date.now());
    await expect(client.userInfo(token, session.professional.subject)).resolves.toMatchObject({ nationalId: '810001234567' });
    // A valid token is not refreshed needlessly.
    expect((await client.accessToken(renewed, renewed.expiresAt - 60_000)).token).toBe(token);
  }, 20_000);

  it('asks the professional to log in again when the refresh token is refused', async () => {
    const { client, session } = await login();
    await expect(client.refresh({ ...session, refreshToken: 'not-a-refresh-token' })).rejects.toMatchObject({ code: 'expired' });
    await expect(client.refresh({ ...session, refreshToken: undefined })).rejects.toMatchObject({ code: 'expired' });
  });

  it('builds the logout URL with the id_token hint', async () => {
    const { client, session } = await login();
    const u = new URL(client.logoutUrl(session, 'http://127.0.0.1:65535/bye'));
    expect(u.href.startsWith(issuer)).toBe(true);
    expect(u.searchParams.get('id_token_hint')).toBe(session.idToken);
  });
});
