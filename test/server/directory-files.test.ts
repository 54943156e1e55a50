// The daily extraction as the server gets it: downloaded over HTTPS as the ANS ZIP or as plain text, then indexed in
// the worker thread; a failed download leaves nothing half-written.
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { syntheticExtraction } from '../../shared/directory/synthetic';
import { downloadExtraction } from '../../server/directory/extraction-files';
import { buildInWorker } from '../../server/directory/service';
import { tempDir, tlsIdentity, removeTempDirs } from './support';

let url: string;
let ca: string;
let close: () => Promise<void>;
const text = [...syntheticExtraction({ count: 1500, seed: 3 })].join('');
const zip = zipSync({ 'Extraction_Correspondance_MSSante_202611280600.txt': strToU8(text) });

beforeAll(async () => {
  const id = await tlsIdentity();
  ca = id.caPem;
  const server = createServer({ cert: id.cert, key: id.key }, (req, res) => {
    if (req.url === '/ans') res.writeHead(200, { 'content-type': 'application/zip' }).end(Buffer.from(zip));
    else if (req.url === '/datagouv') res.writeHead(200, { 'content-type': 'text/plain' }).end(text);
    else if (req.url === '/cut') {
      res.writeHead(200, { 'content-length': String(text.length) });
      res.write(text.slice(0, 1000));
      setTimeout(() => res.destroy(), 50);
    } else res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
}, 30_000);

afterAll(async () => {
  await close();
  removeTempDirs();
});

describe('extraction download and indexing', () => {
  it('downloads the ANS ZIP (named by its content, not its URL) and indexes the text inside', async () => {
    const dir = tempDir('dl');
    const path = await downloadExtraction(`${url}/ans`, dir, { ca });
    expect(path).toMatch(/extraction\.zip$/);
    const { index, rows } = await buildInWorker({ kind: 'file', path, source: 'test' });
    expect(rows).toBe(1500);
    // A repeated address (as in the real file) is one mailbox.
    expect(index.size).toBe(1500 - index.info.duplicates);
    expect(index.search('a', { limit: 1 })).toHaveLength(1);
  }, 30_000);

  it('downloads plain text as data.gouv.fr serves it', async () => {
    const dir = tempDir('dl');
    const path = await downloadExtraction(`${url}/datagouv`, dir, { ca });
    expect(path).toMatch(/extraction\.txt$/);
    const { index } = await buildInWorker({ kind: 'file', path, source: 'test' });
    expect(index.size + index.info.duplicates).toBe(1500);
  }, 30_000);

  it('a server error or a cut download leaves no file behind', async () => {
    const dir = tempDir('dl');
    await expect(downloadExtraction(`${url}/error`, dir, { ca })).rejects.toThrow(/HTTP 500/);
    await expect(downloadExtraction(`${url}/cut`, dir, { ca })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(`${dir}/extraction.txt`)).toBe(false);
  });

  it('a file that is not an extraction fails the build with the reason', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = `${tempDir('bad')}/x.txt`;
    writeFileSync(file, 'hello\nworld\n');
    await expect(buildInWorker({ kind: 'file', path: file, source: 'test' })).rejects.toThrow(/Adresse BAL/);
  });
});
