// Builds a directory index off the main thread (the server keeps answering on the old index meanwhile) from an
// extraction file (text or the ANS ZIP) or from the synthetic generator, and hands the parts back without copying
// the typed arrays.
import { parentPort, workerData } from 'node:worker_threads';
import { DirectoryIndexBuilder } from '../../shared/directory/directory-index';
import { ExtractionParser, type ExtractionReport } from '../../shared/directory/extraction';
import { syntheticExtraction, type SyntheticMailbox } from '../../shared/directory/synthetic';
import { readExtraction } from './extraction-reader';

export type BuildJob =
  { kind: 'synthetic'; count: number; seed?: number; planted?: SyntheticMailbox[]; source: string } | { kind: 'file'; path: string; source: string };

export type BuildReply =
  | {
      ok: true;
      parts: ReturnType<ReturnType<DirectoryIndexBuilder['build']>['toParts']>;
      report: Pick<ExtractionReport, 'lines' | 'rows' | 'badLines'>;
      ms: number;
    }
  | { ok: false; error: string };

async function run(job: BuildJob): Promise<BuildReply> {
  const started = Date.now();
  const builder = new DirectoryIndexBuilder();
  const parser = new ExtractionParser((row) => builder.add(row));
  if (job.kind === 'synthetic') {
    for (const chunk of syntheticExtraction({ count: job.count, seed: job.seed ?? 1, ...(job.planted ? { planted: job.planted } : {}) })) parser.push(chunk);
  } else {
    await readExtraction(job.path, (text) => parser.push(text));
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
