// The refresh job against a local HTTPS list server whose TLS certificate comes from a test CA (as the official
// server's comes from IGC-Santé): a good list is adopted, a tampered or forged one is refused and the good one kept.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VigieServer } from '../../server/app';
import { makeCa, makeSigner, signListeBlanche, listeBlancheXml } from '../support/pki';
import { startListServer, startTestServer, tempDir, testPki, tlsIdentity, type TestPki, removeTempDirs } from './support';

let pki: TestPki;
let tls: Awaited<ReturnType<typeof tlsIdentity>>;
let listServer: Awaited<ReturnType<typeof startListServer>>;
let caFile: string;

beforeAll(async () => {
  [pki, tls] = await Promise.all([testPki(), tlsIdentity()]);
  listServer = await startListServer(tls);
  caFile = join(tempDir('ca'), 'list-ca.pem');
  writeFileSync(caFile, tls.caPem);
}, 60_000);

afterAll(async () => {
  await listServer.close();
  removeTempDirs();
});

const health = async (s: VigieServer) => (await fetch(`${s.url}/healthz`)).json();
const list = async (s: VigieServer) => {
  const res = await fetch(`${s.url}/api/liste-blanche`);
  return { etag: res.headers.get('etag')!, body: await res.json() };
};

describe('liste blanche refresh', () => {
  it('adopts a verified newer list, keeps it when the next download is tampered, and keeps it across a restart', async () => {
    listServer.set(pki.list(['a.mssante.fr', 'b.mssante.fr'], '2026-11-01T00:00:00Z'));
    const home = tempDir('lb-home');
    const overrides = { home, directory: { syntheticCount: 200 }, listeBlanche: { url: listServer.url, caFile, refreshMinutes: 60 } };
    const { server } = await startTestServer(overrides, { trustAnchors: pki.anchors });
    try {
      await server.refresher.refresh();
      const first = await list(server);
      expect(first.body).toMatchObject({ generatedAt: '2026-11-01T00:00:00Z', source: 'server', domains: ['a.mssante.fr', 'b.mssante.fr'] });
      expect(first.body.fetchedAt).toMatch(/^\d{4}-/);
      let h = await health(server);
      expect(h.listeBlanche).toMatchObject({
        source: 'server',
        generatedAt: '2026-11-01T00:00:00Z',
        domains: 2,
        refresh: { configured: true, url: listServer.url },
      });
      expect(h.listeBlanche.refresh.lastSuccessAt).toBeDefined();
      expect(h.listeBlanche.refresh.nextAt).toBeDefined();

      // The next download has been altered after signing: refused, the good list stays, the reason shows.
      const tampered = pki.list(['a.mssante.fr', 'b.mssante.fr'], '2026-11-02T00:00:00Z').replace('b.mssante.fr', 'gmail.com');
      listServer.set(tampered);
      await server.refresher.refresh();
      const second = await list(server);
      expect(second.body.domains).toEqual(['a.mssante.fr', 'b.mssante.fr']);
      expect(second.etag).toBe(first.etag);
      h = await health(server);
      expect(h.listeBlanche.generatedAt).toBe('2026-11-01T00:00:00Z');
      expect(h.listeBlanche.refresh.lastError.reason).toMatch(/refused \(signature\)/);
      expect(h.status).toBe('degraded');

      // A list signed by a look-alike CA bearing the same names: refused too.
      const fakeRoot = await makeCa('CN=Server Test Root');
      const fakeOrg = await makeCa('CN=Server Test Org', { issuer: fakeRoot });
      const forger = await makeSigner('CN=alb.server.test', fakeOrg, { notAfter: new Date('2031-01-01') });
      listServer.set(signListeBlanche(listeBlancheXml(['gmail.com'], '2026-11-03T00:00:00Z'), forger));
      await server.refresher.refresh();
      expect((await list(server)).body.domains).toEqual(['a.mssante.fr', 'b.mssante.fr']);
      expect((await health(server)).listeBlanche.refresh.lastError.reason).toMatch(/refused \(chain\)/);

      // A good newer list clears the error and changes the ETag.
      listServer.set(pki.list(['a.mssante.fr', 'b.mssante.fr', 'c.mssante.fr'], '2026-11-04T00:00:00Z'));
      await server.refresher.refresh();
      const third = await list(server);
      expect(third.body.domains).toContain('c.mssante.fr');
      expect(third.etag).not.toBe(first.etag);
      expect((await health(server)).listeBlanche.refresh.lastError).toBeUndefined();

      // The same list downloaded again keeps its ETag: clients holding it get 304.
      await server.refresher.refresh();
      const fourth = await list(server);
      expect(fourth.etag).toBe(third.etag);
      expect((await fetch(`${server.url}/api/liste-blanche`, { headers: { 'if-none-match': third.etag } })).status).toBe(304);
    } finally {
      await server.close();
    }

    // The last good list was kept on disk: a restart with the list server down starts on it, not on the snapshot.
    listServer.set(null);
    const { server: again } = await startTestServer(overrides, { trustAnchors: pki.anchors });
    try {
      await again.refresher.refresh();
      const h = await health(again);
      expect(h.listeBlanche).toMatchObject({ source: 'server', generatedAt: '2026-11-04T00:00:00Z', domains: 3 });
      expect(h.listeBlanche.refresh.lastError.reason).toMatch(/HTTP 404/);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('refuses a list server whose TLS certificate is not from the configured CA, and stays on the embedded snapshot', async () => {
    listServer.set(pki.list(['a.mssante.fr'], '2026-11-01T00:00:00Z'));
    const otherCa = join(tempDir('ca'), 'other.pem');
    writeFileSync(otherCa, (await tlsIdentity()).caPem);
    const { server } = await startTestServer(
      { directory: { syntheticCount: 200 }, listeBlanche: { url: listServer.url, caFile: otherCa } },
      { trustAnchors: pki.anchors },
    );
    try {
      await server.refresher.refresh();
      const h = await health(server);
      expect(h.listeBlanche.source).toBe('embedded');
      expect(h.listeBlanche.refresh.lastError.reason).toMatch(/download failed: .*(certificate|self-signed|verify)/i);
      expect((await list(server)).body.domains).toContain('medecin.mssante.fr');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('without a URL, serves the embedded snapshot and never downloads', async () => {
    const before = listServer.hits;
    const { server } = await startTestServer({ directory: { syntheticCount: 200 } });
    try {
      await server.refresher.refresh();
      expect(listServer.hits).toBe(before);
      expect((await health(server)).listeBlanche).toMatchObject({ source: 'embedded', refresh: { configured: false } });
    } finally {
      await server.close();
    }
  });
});
