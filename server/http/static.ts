// Files served from a folder (the built add-in, the packaged extensions): only regular files inside the folder,
// symlinks resolved and kept inside, dotfiles hidden, source maps only when the configuration asks, a weak ETag from
// size and mtime.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { type Ctx, HttpError, notModified } from './router';
import { PAGE_CSP } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xpi': 'application/x-xpinstall',
  '.zip': 'application/zip',
  '.crx': 'application/x-chrome-extension',
  '.woff2': 'font/woff2',
};

/** The real path of `rel` under `root`, or undefined when it is missing, hidden, not a file, or outside the root. */
export function resolveInside(root: string, rel: string): string | undefined {
  if (!rel || rel.split('/').some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return undefined;
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(join(realRoot, rel));
  } catch {
    return undefined;
  }
  if (!real.startsWith(realRoot + sep)) return undefined;
  try {
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** Source maps (`*.map`) are served only when asked for (`sourceMaps`): they would publish the sources. */
export function serveFile(ctx: Ctx, root: string | undefined, rel: string, opts: { cache?: string; sourceMaps?: boolean } = {}): void {
  const cache = opts.cache ?? 'no-cache';
  const file = root && (opts.sourceMaps || !/\.map$/i.test(rel)) ? resolveInside(root, rel) : undefined;
  if (!file) throw new HttpError(404, 'not-found', 'no such file');
  const st = statSync(file);
  const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = { etag, 'cache-control': cache };
  if (type.startsWith('text/html')) headers['content-security-policy'] = PAGE_CSP;
  if (notModified(ctx, etag, headers)) return;
  if (!type.startsWith('text/') && !type.startsWith('application/json') && !type.startsWith('image/') && !type.startsWith('font/')) {
    headers['content-disposition'] = `attachment; filename="${rel
      .split('/')
      .pop()!
      .replace(/[^\w.-]/g, '_')}"`;
  }
  ctx.res.writeHead(200, { 'content-type': type, 'content-length': String(st.size), ...headers });
  if (ctx.req.method === 'HEAD') {
    ctx.res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => ctx.res.destroy())
    .pipe(ctx.res);
}
