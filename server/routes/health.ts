// GET /healthz: the JSON health of each part; 503 until the directory is ready (load balancers wait for it).
import { sendJson } from '../http/router';
import type { RouteModule } from './context';

export const healthRoutes: RouteModule = {
  register(router, { health }) {
    router.on('GET', '/healthz', (ctx) => {
      const h = health();
      sendJson(ctx.res, h.directory.status === 'ready' ? 200 : 503, h, { 'cache-control': 'no-store' });
    });
  },
};
