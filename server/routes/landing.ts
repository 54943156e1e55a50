// GET / and /assets/vigie.css: the landing page (where each part is, how to install, the health of each part), and
// the icon browsers ask for.
import { readFileSync } from 'node:fs';
import { sendBytes } from '../http/router';
import { resolveInside } from '../http/static';
import { PAGE_CSP } from '../http/security';
import { landingCss, landingPage } from '../landing';
import { FAVICON_SVG } from '../page';
import type { RouteModule } from './context';
import { downloadNames } from './downloads';
import { addinBuilt } from './outlook';

export const landingRoutes: RouteModule = {
  register(router, { config, health, publicUrl }) {
    router.on('GET', '/', (ctx) => {
      const page = landingPage(health(), { publicUrl: publicUrl(), downloads: downloadNames(config), addin: addinBuilt(config) });
      sendBytes(ctx.res, 200, page, 'text/html; charset=utf-8', { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' });
    });
    // The icon may be read from any origin: the directory client probes it to tell a CORS refusal from a server down.
    const iconHeaders = { 'cache-control': 'public, max-age=86400', 'cross-origin-resource-policy': 'cross-origin' };
    const icon = (ctx: { res: import('node:http').ServerResponse }) => sendBytes(ctx.res, 200, FAVICON_SVG, 'image/svg+xml', iconHeaders);
    router.on('GET', '/favicon.svg', icon);
    // /favicon.ico, asked for by browsers on their own: the add-in's PNG when built (every browser reads a PNG there).
    router.on('GET', '/favicon.ico', (ctx) => {
      const png = config.addinDir ? resolveInside(config.addinDir, 'assets/icon-32.png') : undefined;
      if (png) sendBytes(ctx.res, 200, readFileSync(png), 'image/png', iconHeaders);
      else icon(ctx);
    });
    router.on('GET', '/assets/vigie.css', (ctx) => sendBytes(ctx.res, 200, landingCss, 'text/css; charset=utf-8', { 'cache-control': 'public, max-age=3600' }));
  },
};
