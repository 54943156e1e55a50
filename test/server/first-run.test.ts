// What a new user meets on the server `npm start` runs: the downloads page, the manifest as a file, an icon, the
// IPv6 loopback, and a landing page that says each state in words.
import { writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { VigieServer } from '../../server/app';
import { removeTempDirs, startTestServer, tempDir } from './support';

let server: VigieServer;
let logs: string[];
const addinDir = tempDir('addin');
const downloadsDir = tempDir('downloads');
const ipv6 = Object.values(networkInterfaces()).some((list) => list?.some((i) => i.family === 'IPv6' && i.internal));

beforeAll(async () => {
  writeFileSync(join(addinDir, 'manifest.xml'), '<OfficeApp><SourceLocation DefaultValue="{{baseUrl}}/outlook/taskpane.html"/></OfficeApp>');
  writeFileSync(join(addinDir, 'manifest.json'), '{"name":"Vigie","url":"{{baseUrl}}/outlook/taskpane.html"}');
  writeFileSync(join(downloadsDir, 'vigie-thunderbird.xpi'), Buffer.from('PK\x03\x04fake'));
  writeFileSync(join(downloadsDir, 'vigie-chrome.zip'), Buffer.from('PK\x03\x04fake'));
  ({ server, logs } = await startTestServer({ addinDir, downloadsDir }));
}, 60_000);

afterAll(async () => {
  await server.close();
  removeTempDirs();
});

const get = (path: string) => fetch(`${server.url}${path}`);

describe('first run', () => {
  it('/downloads/ lists each package with a link and how to install it', async () => {
    for (const path of ['/downloads/', '/downloads']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain('<a href="/downloads/vigie-thunderbird.xpi" download>');
      expect(html).toContain('<a href="/downloads/vigie-chrome.zip" download>');
      expect(html).toMatch(/Installer un module depuis un fichier/);
      expect(html).toMatch(/Charger l’extension non empaquetée/);
    }
    expect((await get('/downloads/vigie-chrome.zip')).headers.get('content-disposition')).toBe('attachment; filename="vigie-chrome.zip"');
  });

  it('/downloads/ with nothing built says how to build', async () => {
    const empty = await startTestServer({ downloadsDir: tempDir('none') });
    try {
      const html = await (await fetch(`${empty.server.url}/downloads/`)).text();
      expect(html).toMatch(/Aucun paquet n’est construit.*npm run build/s);
    } finally {
      await empty.server.close();
    }
  });

  it('offers the Outlook manifests as files to download', async () => {
    const xml = await get('/outlook/manifest.xml');
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-disposition')).toBe('attachment; filename="vigie-outlook-manifest.xml"');
    const json = await get('/outlook/manifest.json');
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="vigie-outlook-manifest.json"');
  });

  it('has an icon: /favicon.svg, linked from the pages, and /favicon.ico', async () => {
    const svg = await get('/favicon.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((await get('/favicon.ico')).status).toBe(200);
    expect(await (await get('/')).text()).toContain('<link rel="icon" href="/favicon.svg"');
    expect(await (await get('/downloads/')).text()).toContain('<link rel="icon" href="/favicon.svg"');
  });

  it('the landing page says each state in words, not internal tokens', async () => {
    const html = await (await get('/')).text();
    expect(html).toMatch(/3\u202f000 boîtes MSSanté, annuaire de démonstration généré/);
    expect(html).toMatch(/Mode blocage \(un envoi hors MSSanté/);
    expect(html).toMatch(/copie livrée avec Vigie/);
    // The shipped snapshot is older than the policy allows: the page says so and what to do.
    expect(html).toMatch(/périmée.*À faire\u00a0: .*listeBlanche\.url/s);
    for (const raw of ['synthetic:', '(block)', 'source : embedded', '>degraded<', 'dégradé']) expect(html).not.toContain(raw);
  });

  (ipv6 ? it : it.skip)('answers on the IPv6 loopback too when it listens on 127.0.0.1', async () => {
    const res = await fetch(`http://[::1]:${server.port}/healthz`);
    expect(res.status).toBe(200);
    expect(logs.some((l) => l.startsWith('listen: ::1'))).toBe(false);
  });

  (ipv6 ? it : it.skip)('does not add the IPv6 loopback when told to listen elsewhere', async () => {
    const other = await startTestServer({ host: '::1' });
    try {
      await expect(fetch(`http://127.0.0.1:${other.server.port}/healthz`)).rejects.toThrow();
    } finally {
      await other.server.close();
    }
  });
});
