// A route table over node:http: exact paths and one-segment parameters (`/api/di/documents/:id`), JSON and text
// replies, and an HttpError that becomes a clear 4xx/5xx body. Nothing more: the server needs no framework.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** The client address used for rate limits and logs. */
  client: string;
}

export type Handler = (ctx: Ctx) => Promise<void> | void;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface Route {
  method: string;
  parts: string[];
  prefix: boolean;
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  /** `pattern` segments starting with `:` bind one path segment; a trailing `*` binds the rest as `params.rest`. */
  on(method: 'GET' | 'POST' | 'HEAD', pattern: string, handler: Handler): this {
    const prefix = pattern.endsWith('/*');
    const parts = (prefix ? pattern.slice(0, -2) : pattern).split('/').filter(Boolean);
    this.routes.push({ method, parts, prefix, handler });
    return this;
  }

  /** The handler for a request, `405` when the path exists under another method, or undefined. */
  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } | 'method' | undefined {
    const segs = pathname.split('/').filter(Boolean);
    let otherMethod = false;
    for (const r of this.routes) {
      if (r.prefix ? segs.length < r.parts.length : segs.length !== r.parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < r.parts.length; i++) {
        const p = r.parts[i]!;
        if (p.startsWith(':')) params[p.slice(1)] = segs[i]!;
        else if (p !== segs[i]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (r.method !== method && !(r.method === 'GET' && method === 'HEAD')) {
        otherMethod = true;
        continue;
      }
      if (r.prefix) params.rest = segs.slice(r.parts.length).join('/');
      return { handler: r.handler, params };
    }
    return otherMethod ? 'method' : undefined;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.length), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

export function sendBytes(res: ServerResponse, status: number, bytes: Buffer | string, contentType: string, headers: Record<string, string> = {}): void {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(b.length), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : b);
}

/** True (and a 304 sent) when the request's If-None-Match names the current ETag. */
export function notModified(ctx: Ctx, etag: string, headers: Record<string, string> = {}): boolean {
  const inm = ctx.req.headers['if-none-match'];
  if (!inm) return false;
  const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
  const want = etag.replace(/^W\//, '');
  if (!tags.includes(want) && !tags.includes('*')) return false;
  ctx.res.writeHead(304, { etag, ...headers });
  ctx.res.end();
  return true;
}

/** Reads a request body up to `max` bytes; larger bodies are refused with 413 as soon as they pass the limit. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) return Promise.reject(new HttpError(413, 'too-large', `request body over ${max} bytes`, { connection: 'close' }));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, 'too-large', `request body over ${max} bytes`, { connection: 'close' }));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
