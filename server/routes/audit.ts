// POST /api/audit/events (the mail clients), GET /api/audit/report (IT, bearer token), and the admin page that draws
// the report (/admin, /assets/admin.js, /assets/admin.css). The handlers are in ../audit/routes.ts.
import { sendBytes } from '../http/router';
import { PAGE_CSP, RateLimiter } from '../http/security';
import { adminCss, adminJs, adminPage } from '../audit/admin-page';
import { getAuditReport, postAuditEvents, type AuditRouteDeps } from '../audit/routes';
import type { RouteModule } from './context';

export const auditRoutes: RouteModule = {
  register(router, { config, audit }) {
    const deps: AuditRouteDeps = {
      audit,
      limiter: new RateLimiter(config.audit.postsPerMinute / 60, config.audit.burst),
      bodyBytes: config.audit.bodyBytes,
      ...(config.admin.token ? { adminToken: config.admin.token } : {}),
    };
    if (config.audit.enabled) router.on('POST', '/api/audit/events', (ctx) => postAuditEvents(ctx, deps));
    router
      .on('GET', '/api/audit/report', (ctx) => getAuditReport(ctx, deps))
      .on('GET', '/admin', (ctx) =>
        sendBytes(ctx.res, 200, adminPage(), 'text/html; charset=utf-8', { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' }),
      )
      .on('GET', '/assets/admin.js', (ctx) => sendBytes(ctx.res, 200, adminJs, 'text/javascript; charset=utf-8', { 'cache-control': 'no-cache' }))
      .on('GET', '/assets/admin.css', (ctx) => sendBytes(ctx.res, 200, adminCss, 'text/css; charset=utf-8', { 'cache-control': 'no-cache' }));
  },
};
