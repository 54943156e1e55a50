// Downloads the official liste blanche (when server/schedules.ts says) over TLS checked against the configured CA bundle (the list
// server's certificate comes from IGC-Santé, which Node does not trust by default), hands it to the store, which
// verifies the XML signature and keeps the last good list. Without a URL the embedded snapshot is used.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { ListeBlancheStore } from '../liste-blanche/store';

const MAX_BYTES = 64 * 1024 * 1024;

export interface RefreshState {
  url?: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  /** The last failure (download or verification), with its reason. */
  lastError?: { at: string; reason: string };
  /** The next scheduled refresh (set by server/schedules.ts). */
  nextAt?: string;
  running: boolean;
}

export interface RefreshOptions {
  url?: string;
  caFile?: string;
  refreshMinutes: number;
  timeoutSeconds: number;
}

/** GET over HTTPS with a CA bundle, a size cap and a timeout; resolves with the body or null when unchanged (304). */
export function download(
  url: string,
  opts: { ca?: string | Buffer; timeoutMs: number; etag?: string; maxBytes?: number },
): Promise<{ body: Buffer; etag?: string } | null> {
  const max = opts.maxBytes ?? MAX_BYTES;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'user-agent': 'vigie-mssante', accept: 'application/xml, text/xml' };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    const req = request(url, { method: 'GET', headers, ...(opts.ca ? { ca: opts.ca } : {}), timeout: opts.timeoutMs }, (res) => {
      if (res.statusCode === 304) {
        res.resume();
        return resolve(null);
      }
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`HTTP ${res.statusCode ?? '?'} from the list server`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > max) {
          req.destroy(new Error(`the list is over ${max} bytes`));
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => resolve({ body: Buffer.concat(chunks), ...(typeof res.headers.etag === 'string' ? { etag: res.headers.etag } : {}) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
}

export class ListeBlancheRefresher {
  readonly state: RefreshState;
  private etag: string | undefined;
  private ca: Buffer | undefined;

  constructor(
    private readonly store: ListeBlancheStore,
    private readonly opts: RefreshOptions,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.state = { running: false, ...(opts.url ? { url: opts.url } : {}) };
    // A missing CA file is a configuration error: say so at start rather than at the first download.
    if (opts.caFile) this.ca = readFileSync(opts.caFile);
  }

  private inflight: Promise<void> | undefined;

  /** Fetches now (or joins the fetch under way); never throws (the reason lands in `state.lastError` and the current list stays). */
  refresh(): Promise<void> {
    if (!this.opts.url) return Promise.resolve();
    this.inflight ??= this.fetchOnce().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetchOnce(): Promise<void> {
    if (!this.opts.url) return;
    this.state.running = true;
    const at = new Date().toISOString();
    this.state.lastAttemptAt = at;
    try {
      const got = await download(this.opts.url, {
        ...(this.ca ? { ca: this.ca } : {}),
        timeoutMs: this.opts.timeoutSeconds * 1000,
        ...(this.etag ? { etag: this.etag } : {}),
      });
      if (got === null) {
        this.state.lastSuccessAt = at;
        this.log('liste blanche: unchanged on the server');
        return;
      }
      const r = this.store.offer(got.body, { fetchedAt: at });
      if (r.accepted) {
        this.etag = got.etag;
        this.state.lastSuccessAt = at;
        delete this.state.lastError;
        this.log(`liste blanche: adopted the list generated ${r.generatedAt} (${r.domains} domains)`);
      } else if (r.code === 'downgrade' || (r.code === 'error' && /older/.test(r.reason))) {
        // Not newer than the list in use: nothing to adopt, nothing wrong with the download.
        this.state.lastSuccessAt = at;
        this.etag = got.etag;
        this.log(`liste blanche: kept the list in use (${r.reason})`);
      } else {
        this.state.lastError = { at, reason: `refused (${r.code}): ${r.reason}` };
        this.log(`liste blanche: refused the downloaded list (${r.code}); the last good list stays in use`);
      }
    } catch (e) {
      this.state.lastError = { at, reason: `download failed: ${(e as Error).message}` };
      this.log(`liste blanche: download failed (${(e as Error).message}); the last good list stays in use`);
    } finally {
      this.state.running = false;
    }
  }
}
