// Hostile extraction files, as `vigie directory build` and the server's build worker meet them: one reader with
// limits (server/directory/extraction-reader.ts). A bomb of 1 GiB of zeros (≈ 1 MB zipped) used to take 79 s and
// 3.2 GB before failing; 20,000 entries overflowed the stack. The ZIPs are made here: the bomb with zlib (one
// full-flush deflate block of 1 MiB of zeros, repeated) inside fflate's ZIP writer, the others with fflate.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Zip, strToU8, zipSync, type ZipInputFile } from 'fflate';
import { EXTRACTION_LIMITS, ExtractionFileError, readExtraction } from '../../server/directory/extraction-reader';
import { buildInWorker } from '../../server/directory/service';
import { runVigie } from '../../cli/test-io';
import { syntheticExtraction } from '../../shared/directory/synthetic';
import { removeTempDirs, tempDir } from './support';

const GiB = 1024 ** 3;

/** 1 GiB of zeros as one deflated ZIP entry with a data descriptor (no size declared up front), ≈ 1 MB on disk. */
function zeroBomb(path: string): number {
  const mib = new Uint8Array(1 << 20);
  const block = deflateRawSync(mib, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < 1024; i++) crc = crc32(mib, crc);
  const out: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    out.push(data);
  });
  const entry = { filename: 'Extraction_Correspondance_MSSante_202612040600.txt', size: GiB, crc, compression: 8 } as ZipInputFile;
  zip.add(entry);
  for (let i = 0; i < 1024; i++) entry.ondata!(null, block, false);
  entry.ondata!(null, deflateRawSync(new Uint8Array(0)), true);
  zip.end();
  const bytes = Buffer.concat(out);
  writeFileSync(path, bytes);
  return bytes.length;
}

/** `count` one-byte entries, then a real extraction last. */
function manyEntries(path: string, count: number, text: string): void {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) files[`p/${i}.bin`] = strToU8('x');
  files['Extraction_Correspondance_MSSante_202612040600.txt'] = strToU8(text);
  writeFileSync(path, zipSync(files, { level: 0 }));
}

const execFileP = promisify(execFile);
const reader = join(__dirname, '../../server/directory/extraction-reader.ts');

/** Reads `file` in a fresh Node process: the outcome, the time it took and how far the resident memory grew. */
async function readInChild(file: string): Promise<{ error?: string; ms: number; rssGrowthMB: number }> {
  const script = `
    const { readExtraction } = require(${JSON.stringify(reader)});
    const before = process.memoryUsage().rss;
    const t = performance.now();
    readExtraction(${JSON.stringify(file)}, () => {}).then(() => ({}), (e) => ({ error: e.message })).then((r) => {
      const ms = performance.now() - t;
      console.log(JSON.stringify({ ...r, ms, rssGrowthMB: (process.resourceUsage().maxRSS * 1024 - before) / 2 ** 20 }));
    });`;
  const { stdout } = await execFileP(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(__dirname, '../..'), maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { error?: string; ms: number; rssGrowthMB: number };
}

const text = [...syntheticExtraction({ count: 200, seed: 5 })].join('');
let dir: string;
let bomb: string;
let crowd: string;

beforeAll(() => {
  dir = tempDir('hostile');
  bomb = join(dir, 'bomb.zip');
  expect(zeroBomb(bomb)).toBeLessThan(2 * 1024 ** 2);
  crowd = join(dir, 'crowd.zip');
  manyEntries(crowd, 20_000, text);
});
afterAll(removeTempDirs);

describe('a zip bomb (1 GiB of zeros in ≈ 1 MB)', () => {
  it('is refused by `vigie directory build` with a clear reason, and no index is written', async () => {
    const r = await runVigie(['directory', 'build', '--extraction', bomb, '--out', join(dir, 'idx')], { cwd: dir });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/bombe de décompression/);
    expect(r.stderr).toMatch(/inflates to over 100 times its size/);
    expect(existsSync(join(dir, 'idx'))).toBe(false);
  });

  it('fails the server build (the current index stays) with the same reason', async () => {
    await expect(buildInWorker({ kind: 'file', path: bomb, source: 'test' })).rejects.toThrow(/decompression bomb/);
  });

  it('is refused within seconds and with bounded memory (measured in a fresh process)', async () => {
    const r = await readInChild(bomb);
    expect(r.error).toMatch(/decompression bomb/);
    // Before: 79 s and 3.2 GB. The reader stops after inflating a few MB.
    // Bounded generously: a loaded CI machine shares its two cores with the browser suites.
    expect(r.ms).toBeLessThan(15_000);
    // Before: 3.2 GB. A few MB are inflated; the rest is the child's own heap, which a loaded machine collects later.
    expect(r.rssGrowthMB).toBeLessThan(400);
  }, 60_000);

  it('is refused before inflating anything when its header declares the sizes', async () => {
    const declared = join(dir, 'declared.zip');
    writeFileSync(declared, zipSync({ 'extraction.txt': new Uint8Array(16 << 20) }, { level: 1 }));
    let called = 0;
    const e = await readExtraction(declared, () => called++).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ExtractionFileError);
    expect((e as Error).message).toMatch(/decompression bomb/);
    expect(called).toBe(0);
  });

  it('over the size limit, a plain text file or a ZIP is refused with the limit named', async () => {
    const txt = join(dir, 'big.txt');
    writeFileSync(txt, text);
    await expect(readExtraction(txt, () => {}, { ...EXTRACTION_LIMITS, maxBytes: 4096 })).rejects.toThrow(/File over 4 KB: not an extraction/);
    const zip = join(dir, 'big.zip');
    const zipped = zipSync({ 'extraction.txt': strToU8(text) }, { level: 9 });
    writeFileSync(zip, zipped);
    await expect(readExtraction(zip, () => {}, { ...EXTRACTION_LIMITS, maxBytes: 2 * zipped.length })).rejects.toThrow(/declares \d+ KB inflated/);
    // No size declared (data descriptor): counted as it inflates.
    await expect(readExtraction(bomb, () => {}, { ...EXTRACTION_LIMITS, maxBytes: 64 << 20, maxRatio: 1e6 })).rejects.toThrow(
      /ZIP archive over 64 MB once inflated/,
    );
  });
});

describe('a ZIP with 20,000 entries', () => {
  it('is refused by `vigie directory build` with a clear reason instead of a stack overflow', async () => {
    const r = await runVigie(['directory', 'build', '--extraction', crowd, '--out', join(dir, 'idx')], { cwd: dir });
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toMatch(/call stack/);
    expect(r.stderr).toMatch(/over 1000 entries: not an extraction/);
    await expect(buildInWorker({ kind: 'file', path: crowd, source: 'test' })).rejects.toThrow(/over 1000 entries/);
  });

  it('with the entry limit raised, is read to its extraction without overflowing the stack', async () => {
    let read = '';
    const r = await readExtraction(crowd, (t) => (read += t), { ...EXTRACTION_LIMITS, maxEntries: 50_000 });
    expect(r.entry).toBe('Extraction_Correspondance_MSSante_202612040600.txt');
    expect(read).toBe(text);
  });
});

describe('ordinary files still read as before', () => {
  it('an ANS-style ZIP with another entry after the extraction gives the text as written', async () => {
    const zip = join(dir, 'ans.zip');
    writeFileSync(zip, zipSync({ 'Extraction_Correspondance_MSSante_202612040600.txt': strToU8(text), 'zz-after.bin': new Uint8Array(8) }));
    let fromZip = '';
    const r = await readExtraction(zip, (t) => (fromZip += t));
    expect(fromZip).toBe(text);
    expect(r.entry).toMatch(/^Extraction_Correspondance_MSSante/);
  });
});
