// Headers every reply carries, CORS limited to the configured origins, a per-client token bucket, and request-target
// checks (length, NUL and control characters, encoded traversal) done before any route runs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './router';

/** Served pages may load only the server's own scripts, styles and images; nothing may frame them except Office. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  'frame-ancestors https://*.office.com https://*.office365.com https://*.outlook.com https://outlook.live.com https://*.microsoft.com',
].join('; ');

/** API replies are data, never a document. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function baseHeaders(res: ServerResponse, secure: boolean): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-resource-policy', 'same-site');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (secure) res.setHeader('strict-transport-security', 'max-age=31536000');
}

/**
 * CORS: only listed origins get `Access-Control-Allow-Origin`; a preflight from anyone else is refused (403).
 * Returns true when the request was a preflight and has been answered.
 */
export function cors(req: IncomingMessage, res: ServerResponse, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  const ok = !!origin && allowed.has(origin);
  if (ok) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('access-control-expose-headers', 'ETag');
  }
  if (req.method !== 'OPTIONS') return false;
  if (!ok) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('origin not allowed');
    return true;
  }
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': 'Content-Type, If-None-Match',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}

/** One token bucket per client address; buckets idle for a minute are dropped so the map stays small. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = Date.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  /** Seconds to wait when over the limit, else 0. */
  take(client: string, now = Date.now()): number {
    if (this.perSecond <= 0) return 0;
    if (now - this.lastSweep > 60_000) {
      for (const [k, b] of this.buckets) if (now - b.at > 60_000) this.buckets.delete(k);
      this.lastSweep = now;
    }
    const b = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(client, b);
    if (b.tokens < 1) return Math.ceil((1 - b.tokens) / this.perSecond);
    b.tokens -= 1;
    return 0;
  }
}

/** Parses and checks the request target; throws 4xx for what no route should ever see. */
export function checkTarget(rawUrl: string, maxChars: number): URL {
  if (rawUrl.length > maxChars) throw new HttpError(414, 'uri-too-long', `request target over ${maxChars} characters`);
  if (!rawUrl.startsWith('/')) throw new HttpError(400, 'bad-target', 'the request target must be a path');
  // Control characters, raw or percent-encoded (NUL included), have no business in a path or a query.
  if (/[\x00-\x1f\x7f]|%(?:[01][0-9a-f]|7f)/i.test(rawUrl)) throw new HttpError(400, 'control-character', 'control characters are not accepted');
  let url: URL;
  try {
    url = new URL(rawUrl, 'http://vigie.invalid');
  } catch {
    throw new HttpError(400, 'bad-target', 'malformed request target');
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new HttpError(400, 'bad-target', 'malformed percent-encoding');
  }
  // `..` and backslashes are refused outright, whether sent raw (the URL parser folds them) or encoded.
  if (
    /(^|[\\/])\.\.([\\/]|$)/.test(path) ||
    path.includes('\\') ||
    /(^|\/)\.\.(\/|$)/.test(rawUrl.split('?')[0]!) ||
    /%2e%2e|%5c|%2f/i.test(rawUrl.split('?')[0]!)
  ) {
    throw new HttpError(400, 'traversal', 'path traversal is not accepted');
  }
  return url;
}

/** The client address: the socket's, or the first X-Forwarded-For hop when the server sits behind a trusted proxy. */
export function clientOf(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = req.headers['x-forwarded-for'];
    const first = (Array.isArray(xff) ? xff[0] : xff)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
