// What every request goes through around its route: security headers, request-target checks, the per-client rate
// limit, CORS, method and body rules, cross-site POSTs refused; errors become a JSON body; one log line per request
// with method, path (never the query), status and time.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerConfig } from '../config';
import type { Log } from './log';
import { HttpError, readBody, sendJson, type Router } from './router';
import { API_CSP, RateLimiter, baseHeaders, checkTarget, clientOf, cors } from './security';

export interface PipelineOptions {
  config: Pick<ServerConfig, 'limits' | 'trustProxy' | 'tls'>;
  router: Router;
  /** Origins allowed to call the API from a browser (the server's own is added once it listens). */
  allowedOrigins: ReadonlySet<string>;
  /** The server's public URL (known once it listens): its origin may POST. */
  publicUrl: () => string;
  log: Log;
}

export function requestPipeline(o: PipelineOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { config, router, allowedOrigins, log } = o;
  const limiter = new RateLimiter(config.limits.ratePerSecond, config.limits.burst);
  const secure = config.tls.mode !== 'off';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const t0 = performance.now();
    let path = '-';
    res.on('finish', () => log(`${new Date().toISOString()} ${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - t0)}ms`));
    baseHeaders(res, secure);
    try {
      const client = clientOf(req, config.trustProxy);
      const url = checkTarget(req.url ?? '/', config.limits.urlChars);
      path = url.pathname.length > 120 ? `${url.pathname.slice(0, 120)}…` : url.pathname;
      if (path.startsWith('/api/')) res.setHeader('content-security-policy', API_CSP);
      const wait = limiter.take(client);
      if (wait) throw new HttpError(429, 'rate-limited', 'too many requests', { 'retry-after': String(wait) });
      if (cors(req, res, allowedOrigins)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') throw new HttpError(405, 'method', 'method not allowed');
      if (req.method !== 'POST' && (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'])) {
        // GET/HEAD bodies are read and discarded, within the size limit.
        await readBody(req, config.limits.bodyBytes);
      }
      const m = router.match(req.method, url.pathname);
      if (m === 'method') throw new HttpError(405, 'method', 'method not allowed');
      if (!m) throw new HttpError(404, 'not-found', 'not found');
      if (req.method === 'POST') {
        // Cross-site form posts are refused: a POST must come from the server's own pages or an allowed origin.
        const origin = req.headers.origin;
        if (origin && origin !== new URL(o.publicUrl()).origin && !allowedOrigins.has(origin)) throw new HttpError(403, 'origin', 'origin not allowed');
      }
      await m.handler({ req, res, url, params: m.params, client });
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      let err: HttpError;
      if (e instanceof HttpError) err = e;
      else {
        log(`${new Date().toISOString()} error on ${req.method} ${path}: ${(e as Error).message}`);
        err = new HttpError(500, 'internal', 'internal error');
      }
      if (err.headers.connection === 'close') res.shouldKeepAlive = false;
      sendJson(res, err.status, { error: { code: err.code, message: err.message } }, err.headers);
    }
  };
  return (req, res) => void handle(req, res);
}
