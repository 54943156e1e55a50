// GET / and /assets/vigie.css: the landing page (where each part is, how to install, the health of each part).
import { sendBytes } from '../http/router';
import { PAGE_CSP } from '../http/security';
import { landingCss, landingPage } from '../landing';
import type { RouteModule } from './context';
import { downloadNames } from './downloads';
import { addinBuilt } from './outlook';

export const landingRoutes: RouteModule = {
  register(router, { config, health, publicUrl }) {
    router.on('GET', '/', (ctx) => {
      const page = landingPage(health(), { publicUrl: publicUrl(), downloads: downloadNames(config), addin: addinBuilt(config) });
      sendBytes(ctx.res, 200, page, 'text/html; charset=utf-8', { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' });
    });
    router.on('GET', '/assets/vigie.css', (ctx) => sendBytes(ctx.res, 200, landingCss, 'text/css; charset=utf-8', { 'cache-control': 'public, max-age=3600' }));
  },
};
