// Login state kept by the browser, not by the server (so any instance behind the load balancer can serve any
// request): the value is sealed with AES-256-GCM under the server's session secret, carries its own expiry,
// and is split over several cookies when it outgrows one (tokens can pass 4 KB).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CHUNK = 3800;
const MAX_CHUNKS = 6;

export class CookieSealer {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly secure: boolean,
  ) {
    this.key = createHash('sha256').update(`vigie-cookie:${secret}`).digest();
  }

  seal(value: unknown, ttlSeconds: number, purpose: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(JSON.stringify({ v: value, exp: Date.now() + ttlSeconds * 1000 })), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The value, or undefined when the cookie is missing, forged, made for another purpose or expired. */
  open<T>(sealed: string | undefined, purpose: string): T | undefined {
    if (!sealed) return undefined;
    try {
      const raw = Buffer.from(sealed, 'base64url');
      if (raw.length < 29) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(raw.subarray(12, 28));
      const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const { v, exp } = JSON.parse(json) as { v: T; exp: number };
      return exp > Date.now() ? v : undefined;
    } catch {
      return undefined;
    }
  }

  /** Sets cookie `name` (in chunks `name.0`, `name.1`… when long), clearing chunks left from a longer value. */
  set(req: IncomingMessage, res: ServerResponse, name: string, value: unknown, ttlSeconds: number): void {
    const sealed = this.seal(value, ttlSeconds, name);
    const chunks = sealed.match(new RegExp(`.{1,${CHUNK}}`, 'g')) ?? [];
    if (chunks.length > MAX_CHUNKS) throw new Error('session too large for cookies');
    const attrs = `Path=/; HttpOnly; SameSite=Lax; Max-Age=${ttlSeconds}${this.secure ? '; Secure' : ''}`;
    const out = chunks.map((c, i) => `${name}.${i}=${c}; ${attrs}`);
    const existing = parseCookies(req);
    for (let i = chunks.length; i < MAX_CHUNKS; i++) if (existing[`${name}.${i}`] !== undefined) out.push(`${name}.${i}=; Path=/; Max-Age=0`);
    appendSetCookie(res, out);
  }

  get<T>(req: IncomingMessage, name: string): T | undefined {
    const cookies = parseCookies(req);
    let sealed = '';
    for (let i = 0; i < MAX_CHUNKS && cookies[`${name}.${i}`] !== undefined; i++) sealed += cookies[`${name}.${i}`];
    return this.open<T>(sealed || undefined, name);
  }

  clear(req: IncomingMessage, res: ServerResponse, name: string): void {
    const cookies = parseCookies(req);
    const out: string[] = [];
    for (let i = 0; i < MAX_CHUNKS; i++)
      if (cookies[`${name}.${i}`] !== undefined || i === 0)
        out.push(`${name}.${i}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${this.secure ? '; Secure' : ''}`);
    appendSetCookie(res, out);
  }
}

function appendSetCookie(res: ServerResponse, values: string[]): void {
  const prev = res.getHeader('set-cookie');
  const list = prev === undefined ? [] : Array.isArray(prev) ? prev : [String(prev)];
  res.setHeader('set-cookie', [...list, ...values]);
}

export function parseCookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}
