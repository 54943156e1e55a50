// Search throughput of `vigie serve` on a 535,000-mailbox directory, measured with autocannon from this process
// while the server runs in another (the built dist/cli/vigie.cjs). Prints searches/s and p50/p95/p99 latency.
//   npm run bench:server [-- --seconds 20 --connections 16 --count 535000]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CITIES, FAMILY_NAMES, GIVEN_NAMES, PROFESSIONS, seededRandom, syntheticExtraction } from '../shared/directory/synthetic';
import { DirectoryIndexBuilder } from '../shared/directory/directory-index';
import { ExtractionParser } from '../shared/directory/extraction';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '20' }, connections: { type: 'string', default: '16' }, count: { type: 'string', default: '535000' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const count = Number(values.count);

/** The extraction is generated once and kept in the temp folder (generation takes longer than the benchmark). */
async function extractionFile(): Promise<string> {
  const dir = join(tmpdir(), 'vigie-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `extraction-${count}.txt`);
  if (existsSync(file)) return file;
  process.stdout.write(`generating a synthetic extraction of ${count} mailboxes into ${file}…\n`);
  const out = createWriteStream(`${file}.part`);
  for (const chunk of syntheticExtraction({ count, seed: 1 })) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  renameSync(`${file}.part`, file);
  return file;
}

/** What people type in a recipient picker: surnames, prefixes, a first name and a surname, a profession and a city. */
function queries(n: number): string[] {
  const rnd = seededRandom(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const family = fold(pick(FAMILY_NAMES));
    const given = fold(pick(GIVEN_NAMES));
    const city = fold(pick(CITIES)[0]);
    const prof = fold(pick(PROFESSIONS).label).split(/\s+/)[0]!;
    const kind = i % 6;
    out.push(
      kind === 0
        ? family
        : kind === 1
          ? family.slice(0, Math.max(3, Math.min(5, family.length)))
          : kind === 2
            ? `${given} ${family.slice(0, 4)}`
            : kind === 3
              ? `${family} ${city}`
              : kind === 4
                ? `${prof} ${city}`
                : `${given.slice(0, 3)} ${family}`,
    );
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const file = await extractionFile();
  const home = mkdtempSync(join(tmpdir(), 'vigie-bench-home-'));
  const config = join(home, 'server.json');
  // No rate limit here: the benchmark is one client address firing as fast as it can.
  writeFileSync(config, JSON.stringify({ port: 0, tls: { mode: 'off' }, home, directory: { source: 'file', file }, limits: { ratePerSecond: 0 } }));
  const bin = join(__dirname, '..', 'cli', 'vigie.cjs');
  const child = spawn(process.execPath, [bin, 'serve', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    const started = Date.now();
    let url = '';
    while (!url) {
      if (child.exitCode !== null) throw new Error(`the server stopped: ${err}`);
      url = /companion server: (http:\/\/[^\s/]+)\//.exec(out)?.[1] ?? '';
      await new Promise((r) => setTimeout(r, 100));
    }
    for (;;) {
      const res = await fetch(`${url}/healthz`).catch(() => undefined);
      if (res?.status === 200) break;
      if (child.exitCode !== null) throw new Error(`the server stopped: ${err}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const health = (await (await fetch(`${url}/healthz`)).json()) as { directory: { entries: number } };
    const rss = () => {
      try {
        return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      } catch {
        return 0;
      }
    };
    // From here on the server's access log is drained, not kept (it would cost this process memory and time).
    child.stderr.removeAllListeners('data');
    child.stderr.resume();
    console.log(
      `server ready: ${health.directory.entries} mailboxes indexed, ${((Date.now() - started) / 1000).toFixed(1)} s from start to ready (build in a worker thread), RSS ${rss().toFixed(0)} MB`,
    );

    const qs = queries(2000).map((q) => `/api/directory/search?q=${encodeURIComponent(q)}&limit=20`);
    let next = 0;
    const run = async (duration: number, record: boolean) => {
      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      let instance: autocannon.Instance | undefined;
      const done = new Promise<autocannon.Result>((resolve, reject) => {
        instance = autocannon(
          { url, connections, duration, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: qs[next++ % qs.length]! }) }] },
          (e, r) => (e ? reject(e) : resolve(r)),
        );
      });
      instance!.on('response', (_client, status, _bytes, ms) => {
        if (!record) return;
        latencies.push(ms);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      });
      const result = await done;
      return { result, latencies: latencies.sort((a, b) => a - b), statuses };
    };

    await run(3, false); // warm-up: JIT, caches
    const { result, latencies, statuses } = await run(seconds, true);
    const ok = statuses.get(200) ?? 0;
    const rate = ok / seconds;
    console.log('');
    console.log(`directory search over HTTP, ${health.directory.entries} mailboxes, ${connections} connections, ${seconds} s, ${qs.length} distinct queries`);
    console.log(`  searches/s   ${rate.toFixed(0)}   (target ≥ 2,000)`);
    console.log(
      `  latency      p50 ${percentile(latencies, 50).toFixed(1)} ms   p95 ${percentile(latencies, 95).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   max ${latencies[latencies.length - 1]?.toFixed(1)} ms   (target p99 ≤ 50 ms)`,
    );
    console.log(`  responses    ${[...statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}; errors ${result.errors}, timeouts ${result.timeouts}`);
    console.log(`  server RSS   ${rss().toFixed(0)} MB`);
  } finally {
    stop();
  }

  // Side by side: the same queries on the same index in this process, no HTTP (the server's own overhead is the gap).
  const builder = new DirectoryIndexBuilder();
  const parser = new ExtractionParser((row) => builder.add(row));
  const decoder = new TextDecoder();
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) parser.push(decoder.decode(chunk as Buffer, { stream: true }));
  parser.end();
  const index = builder.build({ source: 'bench' });
  const raw = queries(2000);
  for (const q of raw) index.search(q, { limit: 20 });
  const times: number[] = [];
  const until = performance.now() + 5000;
  for (let i = 0; performance.now() < until; i++) {
    const t = performance.now();
    index.search(raw[i % raw.length]!, { limit: 20 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log('');
  console.log(`the same searches in-process, one thread, no HTTP (index alone)`);
  console.log(`  searches/s   ${(times.length / 5).toFixed(0)}`);
  console.log(
    `  latency      p50 ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms   p99 ${percentile(times, 99).toFixed(2)} ms`,
  );
}

main().catch((e: unknown) => {
  console.error(`bench:server failed: ${(e as Error).message}`);
  process.exit(1);
});
