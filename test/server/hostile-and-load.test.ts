// Hostile requests get a 4xx and the server lives on; a directory rebuilt from a file dropped in the watched folder
// while searches keep coming never stops the answers; the rate limit answers 429.
import { createWriteStream, renameSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { VigieServer } from '../../server/app';
import { syntheticExtraction, syntheticMailboxes, type SyntheticMailbox } from '../../shared/directory/synthetic';
import { rawRequest, startTestServer, tempDir, removeTempDirs } from './support';

let server: VigieServer;
const watchDir = tempDir('watch');
const downloadsDir = tempDir('dl');

beforeAll(async () => {
  ({ server } = await startTestServer({ downloadsDir, directory: { syntheticCount: 3000, watchDir }, limits: { ratePerSecond: 0 } }));
}, 60_000);

afterAll(async () => {
  await server.close();
  removeTempDirs();
});

const alive = async () => {
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
};

describe('hostile requests', () => {
  it('a 100 KB query is refused with 4xx', async () => {
    const q = 'a'.repeat(100 * 1024);
    const r = await rawRequest(server.url, `GET /api/directory/search?q=${q} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const viaFetch = await fetch(`${server.url}/api/directory/search?q=${'b'.repeat(3000)}`);
    expect(viaFetch.status).toBe(414);
    await alive();
  });

  it('NUL bytes and control characters, encoded or raw, are refused with 400', async () => {
    expect((await fetch(`${server.url}/api/directory/search?q=abc%00def`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/directory/search?q=%1b%5b31m`)).status).toBe(400);
    const raw = await rawRequest(server.url, Buffer.from('GET /api/directory/search?q=ab\x00c HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'));
    expect(raw.status).toBe(400);
    await alive();
  });

  it('path traversal, raw or encoded, never leaves the served folders', async () => {
    for (const target of [
      '/downloads/../../../etc/passwd',
      '/outlook/../package.json',
      '/downloads/%2e%2e/%2e%2e/etc/passwd',
      '/downloads/..%2f..%2fpackage.json',
      '/downloads/..%5c..%5cpackage.json',
      '/downloads/%252e%252e/package.json',
    ]) {
      const r = await rawRequest(server.url, `GET ${target} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect([400, 404]).toContain(r.status);
      expect(r.text).not.toMatch(/root:|"name": "vigie/);
    }
    await alive();
  });

  it('a 5 MB body is refused with 413, declared or chunked', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0x61);
    const declared = await fetch(`${server.url}/api/psc/logout`, { method: 'POST', body: big, headers: { 'content-type': 'application/octet-stream' } });
    expect(declared.status).toBe(413);
    const onGet = await rawRequest(server.url, Buffer.concat([Buffer.from(`GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: ${big.length}\r\n\r\n`), big]));
    expect(onGet.status).toBe(413);
    const chunked = await rawRequest(
      server.url,
      Buffer.concat([
        Buffer.from(`POST /api/psc/logout HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${big.length.toString(16)}\r\n`),
        big,
        Buffer.from('\r\n0\r\n\r\n'),
      ]),
    );
    expect(chunked.status).toBe(413);
    await alive();
  });

  it('negative, huge, fractional and non-numeric limits, repeated or unknown parameters get 400', async () => {
    for (const qs of [
      'q=a&limit=-1',
      'q=a&limit=0',
      'q=a&limit=99999999999999999999',
      'q=a&limit=101',
      'q=a&limit=2.5',
      'q=a&limit=abc',
      'q=a&q=b',
      'q=a&evil=1',
      'q=',
      'q=a&type=XYZ',
      'q=a&department=../..',
      `q=a&profession=${'x'.repeat(200)}`,
    ]) {
      const res = await fetch(`${server.url}/api/directory/search?${qs}`);
      expect({ qs, status: res.status }).toEqual({ qs, status: 400 });
      expect((await res.json()).error.code).toBeDefined();
    }
    for (const qs of ['address=', 'address=no-at-sign', `address=${'a'.repeat(300)}@x.fr`, 'address=a@b@c']) {
      expect((await fetch(`${server.url}/api/directory/suggest?${qs}`)).status).toBe(400);
    }
    await alive();
  });

  it('unknown methods and paths get 405 and 404, and a broken request line 400', async () => {
    expect((await fetch(`${server.url}/api/liste-blanche`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${server.url}/api/liste-blanche`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${server.url}/nothing/here`)).status).toBe(404);
    expect((await rawRequest(server.url, 'GARBAGE\r\n\r\n')).status).toBe(400);
    await alive();
  });
});

describe('directory rebuild under load', () => {
  it('keeps answering searches while a new extraction dropped in the folder is indexed, then serves the new one', async () => {
    const planted: SyntheticMailbox = {
      type: 'PER',
      address: 'zephyrin.quasimodo@ch-exemple.mssante.fr',
      rpps: '10009999999',
      civility: 'DR',
      familyName: 'QUASIMODO',
      givenName: 'Zéphyrin',
      professionCode: '10',
      profession: 'Médecin',
      specialtyCode: 'SM54',
      specialty: 'Médecine générale',
      service: '',
      organisation: 'CH EXEMPLE',
      postcode: '35000',
      city: 'Rennes',
      department: '35',
      structId: '',
      street: '',
    };
    expect((await (await fetch(`${server.url}/api/directory/search?q=quasimodo`)).json()).results).toEqual([]);

    // Written aside, then moved in, as an administrator's copy or the download job would.
    const tmp = join(tempDir('extraction'), 'Extraction_Correspondance_MSSante_202611280600.txt');
    const out = createWriteStream(tmp);
    for (const chunk of syntheticExtraction({ count: 40000, seed: 7, planted: [planted] })) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    renameSync(tmp, join(watchDir, 'Extraction_Correspondance_MSSante_202611280600.txt'));

    const statuses = new Map<number, number>();
    let duringRebuild = 0;
    let slowest = 0;
    let sawBuilding = false;
    const deadline = Date.now() + 100_000;
    const worker = async () => {
      while (Date.now() < deadline) {
        const building = server.directory.state.building;
        sawBuilding ||= building;
        const t = performance.now();
        const res = await fetch(`${server.url}/api/directory/search?q=martin&limit=10`);
        await res.json();
        slowest = Math.max(slowest, performance.now() - t);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (building) duringRebuild++;
        if (sawBuilding && !server.directory.state.building) return;
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);

    expect(sawBuilding).toBe(true);
    expect([...statuses.keys()]).toEqual([200]);
    expect(duringRebuild).toBeGreaterThan(20);
    const h = await (await fetch(`${server.url}/healthz`)).json();
    // Repeated addresses (as in the real file) are one mailbox each.
    const mailboxes = new Set([...syntheticMailboxes({ count: 40000, seed: 7, planted: [planted] })].map((m) => m.address)).size;
    expect(h.directory).toMatchObject({ status: 'ready', entries: mailboxes, building: false });
    expect(h.directory.source).toMatch(/Extraction_Correspondance_MSSante_202611280600\.txt$/);
    const found = await (await fetch(`${server.url}/api/directory/search?q=quasimodo`)).json();
    expect(found.results[0].address).toBe(planted.address);
    // The swap itself happens on the main thread; it must stay short.
    expect(slowest).toBeLessThan(2000);
  }, 120_000);

  it('a broken extraction keeps the current index and says why', async () => {
    const tmp = join(tempDir('extraction'), 'broken.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(tmp, 'not|an|extraction\n1|2|3\n');
    const before = (await (await fetch(`${server.url}/healthz`)).json()).directory.entries;
    renameSync(tmp, join(watchDir, 'zz-broken.txt'));
    const deadline = Date.now() + 20_000;
    let h;
    do {
      await new Promise((r) => setTimeout(r, 200));
      h = await (await fetch(`${server.url}/healthz`)).json();
    } while (!h.directory.lastError && Date.now() < deadline);
    expect(h.directory.lastError.reason).toMatch(/Adresse BAL/);
    expect(h.directory).toMatchObject({ status: 'ready', entries: before });
    expect((await fetch(`${server.url}/api/directory/search?q=quasimodo`)).status).toBe(200);
  }, 30_000);
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the burst, per client', async () => {
    const { server: limited } = await startTestServer({ directory: { syntheticCount: 100 }, limits: { ratePerSecond: 1, burst: 5 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await fetch(`${limited.url}/api/liste-blanche`)).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      expect((await fetch(`${limited.url}/api/liste-blanche`)).headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});
