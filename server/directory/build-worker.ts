// Builds a directory index off the main thread (the server keeps answering on the old index meanwhile) from an
// extraction file (text or the ANS ZIP) or from the synthetic generator, and hands the parts back without copying
// the typed arrays.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Unzip, UnzipInflate } from 'fflate';
import { DirectoryIndexBuilder } from '../../shared/directory/directory-index';
import { ExtractionParser, type ExtractionReport } from '../../shared/directory/extraction';
import { syntheticExtraction, type SyntheticMailbox } from '../../shared/directory/synthetic';
import { isZip } from './extraction-files';

export type BuildJob =
  | { kind: 'synthetic'; count: number; seed?: number; planted?: SyntheticMailbox[]; source: string }
  | { kind: 'file'; path: string; source: string };

export type BuildReply =
  | { ok: true; parts: ReturnType<ReturnType<DirectoryIndexBuilder['build']>['toParts']>; report: Pick<ExtractionReport, 'lines' | 'rows' | 'badLines'>; ms: number }
  | { ok: false; error: string };

async function feedFile(path: string, parser: ExtractionParser): Promise<void> {
  const zipped = isZip(path);
  const decoder = new TextDecoder('utf-8');
  if (!zipped) {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) parser.push(decoder.decode(chunk as Buffer, { stream: true }));
    parser.push(decoder.decode());
    return;
  }
  // The ANS ZIP holds one `Extraction_Correspondance_MSSante_<date>.txt`; read the first .txt entry as it inflates.
  let found = false;
  let failure: Error | undefined;
  const unzip = new Unzip((file) => {
    if (found || !/\.txt$/i.test(file.name)) return;
    found = true;
    file.ondata = (err, data, final) => {
      if (err) failure = err;
      else {
        parser.push(decoder.decode(data, { stream: !final }));
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    unzip.push(chunk as Buffer);
    if (failure) throw failure;
  }
  unzip.push(new Uint8Array(0), true);
  if (failure) throw failure;
  if (!found) throw new Error('the ZIP holds no .txt extraction');
}

async function run(job: BuildJob): Promise<BuildReply> {
  const started = Date.now();
  const builder = new DirectoryIndexBuilder();
  const parser = new ExtractionParser((row) => builder.add(row));
  if (job.kind === 'synthetic') {
    for (const chunk of syntheticExtraction({ count: job.count, seed: job.seed ?? 1, ...(job.planted ? { planted: job.planted } : {}) })) parser.push(chunk);
  } else {
    await feedFile(job.path, parser);
  }
  const report = parser.end();
  if (report.rows === 0) throw new Error(`no mailbox in the extraction (${report.lines} lines, ${report.badLines} bad)`);
  const parts = builder.build({ source: job.source }).toParts();
  return { ok: true, parts, report: { lines: report.lines, rows: report.rows, badLines: report.badLines }, ms: Date.now() - started };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as BuildJob).then(
    (reply) => {
      const buffers = new Set<ArrayBuffer>();
      if (reply.ok) for (const a of Object.values(reply.parts.arrays)) buffers.add(a.buffer as ArrayBuffer);
      port.postMessage(reply, [...buffers]);
    },
    (e: unknown) => port.postMessage({ ok: false, error: (e as Error).message } satisfies BuildReply),
  );
}
