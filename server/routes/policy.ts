// GET /policy.json: the org policy (validated at start), with an ETag so clients revalidate cheaply.
import { createHash } from 'node:crypto';
import { notModified, sendBytes } from '../http/router';
import type { RouteModule } from './context';

export const policyRoutes: RouteModule = {
  register(router, { policy }) {
    const etag = `"${createHash('sha256').update(policy.json).digest('base64url').slice(0, 32)}"`;
    router.on('GET', '/policy.json', (ctx) => {
      const headers = { etag, 'cache-control': 'no-cache' };
      if (!notModified(ctx, etag, headers)) sendBytes(ctx.res, 200, policy.json, 'application/json; charset=utf-8', headers);
    });
  },
};
