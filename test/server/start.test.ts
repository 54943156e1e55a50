// Starting the server: configuration and policy errors stop it with their JSON path, secrets are only referenced,
// HTTPS on a localhost certificate made on first start, and the built `vigie serve` as `npm start` runs it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseServerConfig, ServerConfigError } from '../../server/config';
import { startServer } from '../../server/app';
import { ADDIN_ID } from '../../manifests/outlook/render';
import { removeTempDirs, startTestServer, tempDir } from './support';

afterAll(() => removeTempDirs());

describe('configuration', () => {
  it('fills the defaults: embedded liste blanche, synthetic directory, no DI, no PSC, HTTPS on a local certificate', () => {
    const c = parseServerConfig({}, { env: { VIGIE_HOME: '/srv/vigie' } });
    expect(c).toMatchObject({
      port: 3443,
      host: '127.0.0.1',
      tls: { mode: 'self-signed' },
      home: '/srv/vigie',
      directory: { source: 'synthetic' },
      di: { mode: 'off' },
    });
    expect(c.psc).toBeUndefined();
    expect(c.listeBlanche.url).toBeUndefined();
  });

  it('names every problem with its JSON path', () => {
    let err: ServerConfigError | undefined;
    try {
      parseServerConfig({ port: -1, limits: { bodyBytes: 'big' }, listeBlanche: { url: 'http://plain.example/list.xml' }, nonsense: true });
    } catch (e) {
      err = e as ServerConfigError;
    }
    expect(err).toBeInstanceOf(ServerConfigError);
    const paths = err!.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/port', '/limits/bodyBytes', '/listeBlanche/url', '/']));
    expect(err!.message).toMatch(/unknown key "nonsense"/);
  });

  it('takes secrets only by reference, from the environment or a file, and says which one is missing', () => {
    expect(() => parseServerConfig({ psc: { issuer: 'https://psc.example', clientId: 'vigie', clientSecret: 'hunter2' }, sessionSecret: 'env:S' })).toThrow(
      /never the secret itself/,
    );
    expect(() =>
      parseServerConfig(
        { psc: { issuer: 'https://psc.example', clientId: 'vigie', clientSecret: 'env:PSC_SECRET' }, sessionSecret: 'env:S' },
        { env: { S: 'x' } },
      ),
    ).toThrow(/env:PSC_SECRET: environment variable not set/);
    const dir = tempDir('secret');
    writeFileSync(join(dir, 'api-key'), 'the-key\n');
    const c = parseServerConfig({ directory: { fhir: { apiKey: 'file:api-key' } } }, { baseDir: dir });
    expect(c.directory.fhir!.apiKey).toBe('the-key');
  });

  it('a bad policy stops the start with the offending paths, and nothing listens', async () => {
    const dir = tempDir('policy');
    const policyFile = join(dir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify({ mode: 'sometimes', internalDomains: [42] }));
    const config = parseServerConfig({ port: 0, tls: { mode: 'off' }, home: dir, policyFile, directory: { syntheticCount: 10 } });
    await expect(startServer(config, { log: () => undefined })).rejects.toThrow(/invalid policy .*policy\.json:\n {2}\/mode: must be one of/);
    writeFileSync(policyFile, '{ not json');
    await expect(startServer(config, { log: () => undefined })).rejects.toThrow(ServerConfigError);
  });

  it('serves a valid policy file as validated, defaults filled in', async () => {
    const dir = tempDir('policy');
    const policyFile = join(dir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify({ mode: 'warn', internalDomains: ['chu-exemple.fr'] }));
    const { server } = await startTestServer({ policyFile, directory: { syntheticCount: 10 } });
    try {
      const p = await (await fetch(`${server.url}/policy.json`)).json();
      expect(p).toMatchObject({ mode: 'warn', internalDomains: ['chu-exemple.fr'], whitelist: { maxAgeDays: expect.any(Number) } });
      expect((await (await fetch(`${server.url}/healthz`)).json()).policy).toEqual({ source: 'file', mode: 'warn' });
    } finally {
      await server.close();
    }
  });
});

function httpsGet(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('HTTPS for local use', () => {
  it('makes a localhost certificate on first start, outside the repository, and reuses it', async () => {
    const home = tempDir('tls-home');
    const first = await startTestServer({ home, tls: { mode: 'self-signed' }, directory: { syntheticCount: 10 } });
    let fingerprint: string;
    try {
      expect(first.server.tls).toMatchObject({ created: true, certFile: join(home, 'tls', 'localhost.crt') });
      expect(statSync(join(home, 'tls', 'localhost.key')).mode & 0o077).toBe(0);
      fingerprint = first.server.tls!.fingerprint256;
      const res = await httpsGet(`https://localhost:${first.server.port}/healthz`, readFileSync(first.server.tls!.certFile, 'utf8'));
      expect(res.status).toBe(200);
      expect(first.server.publicUrl).toBe(`https://localhost:${first.server.port}`);
    } finally {
      await first.server.close();
    }
    const addinDir = tempDir('addin');
    writeFileSync(join(addinDir, 'manifest.xml'), '<built/>');
    const second = await startTestServer({ home, tls: { mode: 'self-signed' }, directory: { syntheticCount: 10 }, addinDir });
    try {
      expect(second.server.tls).toMatchObject({ created: false, fingerprint256: fingerprint });
      // Over HTTPS the manifests are rendered for the server's own URL by manifests/outlook/render.
      const ca = second.server.tls!.cert;
      const xml = await httpsGet(`https://localhost:${second.server.port}/outlook/manifest.xml`, ca);
      expect(xml.status).toBe(200);
      expect(xml.body).toContain(`https://localhost:${second.server.port}/outlook/`);
      expect(xml.body).toContain(ADDIN_ID);
      const json = await httpsGet(`https://localhost:${second.server.port}/outlook/manifest.json`, ca);
      expect(json.body).toContain(`https://localhost:${second.server.port}/outlook/`);
      // HSTS only over HTTPS.
      const res = await new Promise<string | undefined>((resolve, reject) => {
        request(`https://127.0.0.1:${second.server.port}/healthz`, { ca: second.server.tls!.cert, servername: 'localhost' }, (r) => {
          r.resume();
          resolve(r.headers['strict-transport-security']);
        })
          .on('error', reject)
          .end();
      });
      expect(res).toMatch(/max-age=/);
    } finally {
      await second.server.close();
    }
  }, 60_000);
});

describe('the built `vigie serve` (what `npm start` runs)', () => {
  const bin = join(__dirname, '../../dist/cli/vigie.cjs');

  it('starts on the embedded defaults, prints where each part is, answers, and stops cleanly', async () => {
    if (!existsSync(bin) || !existsSync(join(__dirname, '../../dist/cli/directory-worker.cjs')))
      throw new Error('dist/cli is missing: run `npm run build` first (npm test does)');
    const home = tempDir('bin-home');
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--http', '--directory-size', '2000'], {
      env: { ...process.env, VIGIE_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const lines: string[] = [];
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${stderr}`)), 20_000);
        createInterface({ input: child.stdout }).on('line', (line) => {
          lines.push(line);
          const m = /companion server\s?: (http:\/\/[^\s]+?)\/$/.exec(line);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
      });
      let health;
      for (let i = 0; i < 100; i++) {
        const res = await fetch(`${url}/healthz`);
        if (res.status === 200) {
          health = await res.json();
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(health).toMatchObject({ directory: { status: 'ready' }, di: { mode: 'demo' }, listeBlanche: { source: 'embedded' } });
      // 2,000 lines; the synthetic file repeats a few addresses, as the real one does: one mailbox each.
      expect((health as { directory: { entries: number } }).directory.entries).toBeGreaterThan(1990);
      expect((health as { directory: { entries: number } }).directory.entries).toBeLessThanOrEqual(2000);
      await new Promise((r) => setTimeout(r, 100));
      const printed = lines.join('\n');
      for (const part of [
        '/healthz',
        '/api/liste-blanche',
        '/api/directory/search',
        '/outlook/manifest.xml',
        '/downloads/',
        '/api/di/documents',
        'Thunderbird',
      ])
        expect(printed).toContain(part);
      // The console says what the landing page says, in the same order, and when it is ready in both languages.
      const page = await (await fetch(`${url}/`)).text();
      const parts = ['Liste blanche MSSanté', 'Annuaire Santé', 'Dossier patient (DI)', 'Pro Santé Connect', 'Journal d’audit', 'Politique'];
      const steps = ['Outlook', 'Thunderbird', 'Chrome, Edge, Firefox (webmail)'];
      const inConsole = [
        ...parts.map((p) => printed.indexOf(`\n  ${p}`)),
        ...steps.map((t) => printed.indexOf(`\n${t}\u00a0: `)),
        printed.indexOf('\nTéléchargements'),
      ];
      const inPage = [...parts.map((p) => page.indexOf(`<th>${p} `)), ...steps.map((t) => page.indexOf(`<h2>${t}</h2>`)), page.indexOf('<h2>Téléchargements')];
      for (const positions of [inConsole, inPage]) {
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }
      expect(printed).toMatch(/Ajouter un complément personnalisé/);
      expect(page).toMatch(/Ajouter un complément personnalisé/);
      expect(printed).toMatch(/^Prêt\u00a0: .*\n^Ready: /m);
      for (const raw of ['synthetic:', '(block)', 'source : embedded']) expect(page).not.toContain(raw);
      const search = await (await fetch(`${url}/api/directory/search?q=lefevre%20claire`)).json();
      expect(search.results[0].address).toBe('claire.lefevre@medecin.mssante.fr');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 60_000);
});
