// The extraction as files: downloaded (the ANS ZIP or data.gouv.fr's text), or the newest one dropped in a folder.
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { join } from 'node:path';
import { isZip } from './extraction-reader';

/** Downloads the extraction (the ANS ZIP or text) into `dir`, replacing the previous download once complete. */
export function downloadExtraction(url: string, dir: string, opts: { timeoutMs?: number; ca?: string | Buffer } = {}): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, 'extraction.part');
  const fail = (reject: (e: Error) => void) => (e: Error) => {
    if (existsSync(tmp)) unlinkSync(tmp);
    reject(e);
  };
  return new Promise((resolve, reject) => {
    const req = httpsGet(url, { timeout: timeoutMs, headers: { 'user-agent': 'vigie-mssante' }, ...(opts.ca ? { ca: opts.ca } : {}) }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`HTTP ${res.statusCode ?? '?'} from ${new URL(url).host}`));
      }
      const out = createWriteStream(tmp);
      res.on('error', fail(reject));
      res.on('aborted', () => fail(reject)(new Error('download interrupted')));
      res.pipe(out);
      out.on('finish', () => {
        if (!res.complete) return fail(reject)(new Error('download interrupted'));
        // The ANS service sends a ZIP, data.gouv.fr the text itself; the name says which, from the first bytes.
        const final = join(dir, isZip(tmp) ? 'extraction.zip' : 'extraction.txt');
        renameSync(tmp, final);
        resolve(final);
      });
      out.on('error', fail(reject));
    });
    req.on('timeout', () => req.destroy(new Error('download timed out')));
    req.on('error', fail(reject));
  });
}

/** The newest extraction file (`*.txt` or `*.zip`) in a folder, or undefined. */
export function newestExtraction(dir: string): { path: string; mtimeMs: number } | undefined {
  if (!existsSync(dir)) return undefined;
  let best: { path: string; mtimeMs: number } | undefined;
  for (const name of readdirSync(dir)) {
    if (!/\.(txt|zip)$/i.test(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isFile() && (!best || st.mtimeMs > best.mtimeMs)) best = { path, mtimeMs: st.mtimeMs };
  }
  return best;
}
