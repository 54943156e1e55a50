// The directory the server searches: one index in memory, rebuilt in a worker thread from the daily extraction
// (downloaded, or dropped in a folder) or from the synthetic generator; the old index answers until the new one is
// ready, and a failed rebuild keeps it.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DirectoryIndex, type SearchOptions, type SearchResult } from '../../shared/directory/directory-index';
import { suggest, type SuggestResult } from '../../shared/directory/suggest';
import type { DirectoryEntry } from '../../shared/model';
import type { BuildJob, BuildReply } from './build-worker';

export interface DirectoryState {
  status: 'empty' | 'building' | 'ready' | 'error';
  entries: number;
  builtAt?: string;
  source?: string;
  building: boolean;
  lastBuildMs?: number;
  lastError?: { at: string; reason: string };
}

/** Starts the build worker: the bundled `directory-worker.cjs` next to the server bundle, or the TypeScript source. */
function startWorker(job: BuildJob): Worker {
  if (__filename.endsWith('.ts')) {
    const entry = join(__dirname, 'build-worker.ts');
    // Only when running from source (tests, tsx): the bundle never takes this branch, so tsx stays out of it.
    const tsx = require.resolve(['tsx', 'cjs', 'api'].join('/'));
    return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, { eval: true, workerData: job });
  }
  return new Worker(join(__dirname, 'directory-worker.cjs'), { workerData: job });
}

export function buildInWorker(
  job: BuildJob,
  onStart: (worker: Worker) => void = () => {},
): Promise<{ index: DirectoryIndex; rows: number; badLines: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
    onStart(worker);
    let done = false;
    worker.once('message', (reply: BuildReply) => {
      done = true;
      void worker.terminate();
      if (!reply.ok) return reject(new Error(reply.error));
      try {
        resolve({ index: DirectoryIndex.fromParts(reply.parts), rows: reply.report.rows, badLines: reply.report.badLines, ms: reply.ms });
      } catch (e) {
        reject(e as Error);
      }
    });
    worker.once('error', (e) => {
      if (!done) reject(e);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`the directory build stopped (exit ${code})`));
    });
  });
}

export class DirectoryService {
  private index: DirectoryIndex | null = null;
  readonly state: DirectoryState = { status: 'empty', entries: 0, building: false };
  private pending: Promise<void> | null = null;
  private worker: Worker | undefined;
  private closed = false;

  constructor(private readonly log: (line: string) => void = () => {}) {}

  get ready(): boolean {
    return this.index !== null;
  }

  /** Builds a new index and swaps it in; resolves when done (the current index answers meanwhile). Never throws. */
  rebuild(job: BuildJob): Promise<void> {
    if (this.pending) return this.pending;
    if (this.closed) return Promise.resolve();
    this.state.building = true;
    if (!this.index) this.state.status = 'building';
    this.pending = buildInWorker(job, (w) => (this.worker = w))
      .then(({ index, rows, badLines, ms }) => {
        this.index = index;
        Object.assign(this.state, { status: 'ready', entries: index.size, builtAt: index.info.builtAt, source: job.source, lastBuildMs: ms });
        delete this.state.lastError;
        this.log(`directory: ${index.size} mailboxes from ${job.source} (${rows} rows, ${badLines} bad lines, ${ms} ms)`);
      })
      .catch((e: unknown) => {
        this.state.lastError = { at: new Date().toISOString(), reason: (e as Error).message };
        if (!this.index) this.state.status = 'error';
        this.log(`directory: rebuild failed (${(e as Error).message}); ${this.index ? 'the previous index stays in use' : 'no directory yet'}`);
      })
      .finally(() => {
        this.state.building = false;
        this.pending = null;
        this.worker = undefined;
      });
    return this.pending;
  }

  /** Stops a build under way and refuses new ones (server shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
    await this.pending;
  }

  /**
   * Matching mailboxes, best first: each entry with its score and how it matched (as DirectoryClient reads them);
   * when there is none, corrected queries that find someone ("Vouliez-vous dire …").
   */
  search(
    q: string,
    opts: SearchOptions,
  ): { results: (DirectoryEntry & Pick<SearchResult, 'score' | 'match'>)[]; tookMs: number; didYouMean?: string[] } | null {
    if (!this.index) return null;
    const t = performance.now();
    const answer = this.index.searchWithHints(q, opts);
    const results = answer.results.map((r) => Object.assign(r.entry, { score: r.score, match: r.match }));
    return { results, tookMs: Math.round((performance.now() - t) * 100) / 100, ...(answer.didYouMean.length ? { didYouMean: answer.didYouMean } : {}) };
  }

  /** The address if listed, else close listed addresses (shared/directory/suggest). */
  suggest(address: string, limit = 5): SuggestResult | null {
    if (!this.index) return null;
    return suggest(this.index, address, { limit });
  }
}
