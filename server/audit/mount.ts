// Puts the audit routes and the admin page on the server's route table; returns the store service to close.
import type { ServerConfig } from '../config';
import { sendBytes, type Router } from '../http/router';
import { PAGE_CSP, RateLimiter } from '../http/security';
import { adminCss, adminJs, adminPage } from './admin-page';
import { getAuditReport, postAuditEvents, type AuditRouteDeps } from './routes';
import { AuditService } from './service';

export function mountAudit(router: Router, config: ServerConfig, log: (line: string) => void): AuditService {
  const audit = new AuditService(config.audit, config.home, log);
  const deps: AuditRouteDeps = {
    audit,
    limiter: new RateLimiter(config.audit.postsPerMinute / 60, config.audit.burst),
    bodyBytes: config.audit.bodyBytes,
    ...(config.admin.token ? { adminToken: config.admin.token } : {}),
  };
  if (config.audit.enabled) router.on('POST', '/api/audit/events', (ctx) => postAuditEvents(ctx, deps));
  router
    .on('GET', '/api/audit/report', (ctx) => getAuditReport(ctx, deps))
    .on('GET', '/admin', (ctx) => sendBytes(ctx.res, 200, adminPage(), 'text/html; charset=utf-8', { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' }))
    .on('GET', '/assets/admin.js', (ctx) => sendBytes(ctx.res, 200, adminJs, 'text/javascript; charset=utf-8', { 'cache-control': 'no-cache' }))
    .on('GET', '/assets/admin.css', (ctx) => sendBytes(ctx.res, 200, adminCss, 'text/css; charset=utf-8', { 'cache-control': 'no-cache' }));
  return audit;
}
