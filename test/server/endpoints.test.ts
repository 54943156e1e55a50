// The companion server on a loopback port: every endpoint as a plug-in or an admin would call it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { VigieServer } from '../../server/app';
import { startTestServer, tempDir, removeTempDirs } from './support';
import { ServerDirectoryClient } from '../../shared/directory/server-client';
import { ServerDocumentApi } from '../../shared/documents/server-api';

let server: VigieServer;
let logs: string[];
const addinDir = tempDir('addin');
const downloadsDir = tempDir('downloads');

beforeAll(async () => {
  writeFileSync(
    join(addinDir, 'manifest.xml'),
    '<OfficeApp><SourceLocation DefaultValue="{{baseUrl}}/outlook/taskpane.html"/><IconUrl DefaultValue="https://localhost:3000/outlook/icon.png"/></OfficeApp>',
  );
  writeFileSync(join(addinDir, 'taskpane.html'), '<!doctype html><title>Vigie</title>');
  mkdirSync(join(addinDir, 'assets'));
  writeFileSync(join(addinDir, 'assets', 'app.js'), 'console.log(1)\n//# sourceMappingURL=app.js.map');
  writeFileSync(
    join(addinDir, 'assets', 'app.js.map'),
    '{"version":3,"sources":["../../addin/taskpane/index.tsx"],"sourcesContent":["secret source"],"mappings":""}',
  );
  writeFileSync(join(downloadsDir, 'vigie-thunderbird.xpi'), Buffer.from('PK\x03\x04fake'));
  ({ server, logs } = await startTestServer({ addinDir, downloadsDir, corsOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'] }));
}, 60_000);

afterAll(async () => {
  await server.close();
  removeTempDirs();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

describe('health and landing page', () => {
  it('/healthz reports every part', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    const h = await res.json();
    expect(h.listeBlanche).toMatchObject({ source: 'embedded', generatedAt: '2025-02-28T15:42:07Z', refresh: { configured: false } });
    expect(h.listeBlanche.domains).toBeGreaterThan(1000);
    expect(h.directory).toMatchObject({ status: 'ready', building: false, fhirConfirmation: false });
    // 3,000 lines; the synthetic file repeats a few addresses, as the real one does: one mailbox each.
    expect(h.directory.entries).toBeGreaterThan(2990);
    expect(h.directory.entries).toBeLessThanOrEqual(3000);
    expect(h.di).toEqual({ mode: 'demo', configured: true });
    expect(h.psc).toEqual({ configured: false });
  });

  it('/ shows where each part is and their health, under a CSP with no inline script', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain('/outlook/manifest.xml');
    expect(html).toContain('vigie-thunderbird.xpi');
    expect(html).toMatch(/3\u202f000 boîtes/);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('liste blanche', () => {
  it('serves the verified list with an ETag and answers 304 to a matching If-None-Match', async () => {
    const res = await get('/api/liste-blanche');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ generatedAt: '2025-02-28T15:42:07Z', fetchedAt: null, source: 'embedded' });
    expect(body.signer).toMatch(/CN=/);
    expect(body.domains).toContain('medecin.mssante.fr');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const again = await get('/api/liste-blanche', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get('/api/liste-blanche', { 'if-none-match': '"other"' })).status).toBe(200);
  });
});

describe('policy', () => {
  it('serves the validated policy with an ETag', async () => {
    const res = await get('/policy.json');
    expect(res.status).toBe(200);
    expect((await res.json()).mode).toBe('block');
    expect((await get('/policy.json', { 'if-none-match': res.headers.get('etag')! })).status).toBe(304);
  });
});

describe('directory', () => {
  it('finds a mailbox by name words, with the time taken', async () => {
    const res = await get('/api/directory/search?q=lefevre%20claire');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(typeof body.tookMs).toBe('number');
    expect(body.results[0].address).toBe('claire.lefevre@medecin.mssante.fr');
  });

  it('applies limit, type and department', async () => {
    const some = await (await get('/api/directory/search?q=a&limit=3')).json();
    expect(some.results.length).toBeLessThanOrEqual(3);
    const org = await (await get('/api/directory/search?q=secretariat&type=ORG&limit=50')).json();
    for (const r of org.results) expect(r.type).toBe('ORG');
    const lyon = await (await get('/api/directory/search?q=claire&department=69&limit=50')).json();
    expect(lyon.results.length).toBeGreaterThan(0);
    for (const r of lyon.results) expect(r.department).toBe('69');
  });

  it('answers the plug-ins’ DirectoryClient (shared/directory/server-client)', async () => {
    const client = new ServerDirectoryClient(server.url, (url, init) => fetch(url, init));
    const r = await client.search({ q: 'lefevre claire', limit: 5 });
    expect(r.results[0]).toMatchObject({ address: 'claire.lefevre@medecin.mssante.fr', displayName: expect.stringContaining('Claire') });
    expect(typeof r.tookMs).toBe('number');
  });

  it('suggests the listed address for a typo, and confirms a listed one', async () => {
    const known = await (await get('/api/directory/suggest?address=claire.lefevre@medecin.mssante.fr')).json();
    expect(known).toMatchObject({ found: true, entry: { address: 'claire.lefevre@medecin.mssante.fr' }, fhir: { checked: false } });
    const typo = await (await get('/api/directory/suggest?address=claire.lefevr@medecin.mssante.fr')).json();
    expect(typo.found).toBe(false);
    expect(typo.suggestions.map((s: { address: string }) => s.address)).toContain('claire.lefevre@medecin.mssante.fr');
  });
});

describe('demo patient record (DI)', () => {
  it('lists a patient’s documents and serves one with its SHA-1', async () => {
    const res = await get('/api/di/documents?ins=279035121518989');
    expect(res.status).toBe(200);
    const { documents } = await res.json();
    expect(documents.length).toBe(2);
    expect(documents[0]).toMatchObject({ contentType: 'application/pdf', patient: { ins: { matricule: '279035121518989' } } });
    const doc = await get(`/api/di/documents/${documents[0].id}?ins=279035121518989`);
    expect(doc.status).toBe(200);
    const bytes = Buffer.from(await doc.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(doc.headers.get('x-document-sha1')).toBe(createHash('sha1').update(bytes).digest('hex'));
  });

  it('answers the plug-ins’ document chooser API (shared/documents/server-api)', async () => {
    const api = new ServerDocumentApi(server.url, (url, init) => fetch(url, init));
    const docs = await api.listDocuments('185127512345688');
    expect(docs.map((d) => d.title)).toEqual(['Lettre de liaison de sortie']);
    const bytes = await api.fetchDocument('185127512345688', docs[0]!.id);
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(api.fetchDocument('185127512345688', 'demo-cr-1')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses a malformed INS and a document of another patient', async () => {
    expect((await get('/api/di/documents?ins=279035121518988')).status).toBe(400);
    expect((await get('/api/di/documents/demo-cr-2?ins=279035121518989')).status).toBe(404);
  });

  it('has no PSC routes when PSC is not configured', async () => {
    expect((await get('/api/psc/session')).status).toBe(404);
    expect((await get('/api/psc/login')).status).toBe(404);
  });
});

describe('add-in and packages', () => {
  it('renders the manifest for the server’s own base URL', async () => {
    const res = await get('/outlook/manifest.xml');
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain(`DefaultValue="${server.publicUrl}/outlook/taskpane.html"`);
    expect(xml).toContain(`DefaultValue="${server.publicUrl}/outlook/icon.png"`);
    expect(xml).not.toContain('{{baseUrl}}');
  });

  it('serves the add-in’s files with a CSP on pages, ETags, and packages as downloads', async () => {
    const page = await get('/outlook/taskpane.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors');
    const js = await get('/outlook/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('/outlook/assets/app.js', { 'if-none-match': js.headers.get('etag')! })).status).toBe(304);
    const xpi = await get('/downloads/vigie-thunderbird.xpi');
    expect(xpi.status).toBe(200);
    expect(xpi.headers.get('content-type')).toBe('application/x-xpinstall');
    expect((await get('/downloads/missing.xpi')).status).toBe(404);
    expect((await get('/outlook/.hidden')).status).toBe(404);
  });

  it('does not serve source maps unless the configuration asks for them', async () => {
    const hidden = await get('/outlook/assets/app.js.map');
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).not.toContain('secret source');
    expect((await get('/outlook/assets/APP.JS.MAP')).status).toBe(404);
    const { server: withMaps } = await startTestServer({ addinDir, serveSourceMaps: true, directory: { syntheticCount: 10 } });
    try {
      const map = await fetch(`${withMaps.url}/outlook/assets/app.js.map`);
      expect(map.status).toBe(200);
      expect(await map.text()).toContain('secret source');
    } finally {
      await withMaps.close();
    }
  });
});

describe('CORS', () => {
  const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  it('answers configured origins and the add-in’s own, and nobody else', async () => {
    const ok = await get('/api/liste-blanche', { origin });
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
    const self = await get('/api/liste-blanche', { origin: server.publicUrl });
    expect(self.headers.get('access-control-allow-origin')).toBe(server.publicUrl);
    const evil = await get('/api/liste-blanche', { origin: 'https://evil.example' });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${server.url}/api/directory/search`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    const good = await fetch(`${server.url}/api/directory/search`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });
    expect(good.status).toBe(204);
  });
});

describe('logs', () => {
  it('carry the path, never the query string (names, INS)', async () => {
    await get('/api/directory/search?q=lefevre%20claire');
    await get('/api/di/documents?ins=279035121518989');
    const text = logs.join('\n');
    expect(text).toContain('GET /api/directory/search 200');
    expect(text).not.toMatch(/lefevre|279035121518989/);
  });
});

describe('Annuaire Santé FHIR confirmation', () => {
  it('confirms an address missing from the extraction through the API, with the key sent only there', async () => {
    const seen: { url: string; key: string | undefined }[] = [];
    const mailbox = 'nouvelle.interne@chu-exemple.mssante.fr';
    const annuaireFetch = async (url: string, init: { headers: Record<string, string> }) => {
      seen.push({ url, key: init.headers['ESANTE-API-KEY'] });
      const u = new URL(url);
      const hit = u.pathname.endsWith('/Practitioner') && u.searchParams.get('mailbox-mss:exact') === mailbox;
      const bundle = {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: hit
          ? [
              {
                resource: {
                  resourceType: 'Practitioner',
                  id: 'p1',
                  name: [{ family: 'NOUVELLE', given: ['Interne'] }],
                  telecom: [
                    {
                      system: 'email',
                      value: mailbox,
                      extension: [
                        { url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type', valueCoding: { code: 'MSSANTE' } },
                      ],
                    },
                  ],
                },
              },
            ]
          : [],
      };
      return { status: 200, headers: { get: () => null }, text: async () => JSON.stringify(bundle) };
    };
    const { server: s } = await startTestServer({ directory: { syntheticCount: 200, fhir: { apiKey: 'env:ESANTE_API_KEY' } } }, { annuaireFetch });
    try {
      const res = await fetch(`${s.url}/api/directory/suggest?address=${encodeURIComponent(mailbox)}`);
      const body = await res.text();
      expect(JSON.parse(body)).toMatchObject({ found: true, entry: { address: mailbox, familyName: 'NOUVELLE' }, fhir: { checked: true, found: true } });
      expect(seen.length).toBeGreaterThan(0);
      for (const c of seen) expect(c.key).toBe('the-api-key');
      expect(body).not.toContain('the-api-key');
      expect(await (await fetch(`${s.url}/healthz`)).text()).not.toContain('the-api-key');
      // A listed address needs no call.
      const calls = seen.length;
      await fetch(`${s.url}/api/directory/suggest?address=claire.lefevre@medecin.mssante.fr`);
      expect(seen.length).toBe(calls);
    } finally {
      await s.close();
    }
  });
});
