// Pro Santé Connect login for the add-in and the extensions: /api/psc/login, /api/psc/callback, /api/psc/session,
// POST /api/psc/logout. The login state travels in sealed, HttpOnly cookies.
import { HttpError, readBody, sendJson } from '../http/router';
import { PscError, type PendingLogin, type PscSession } from '../psc/client';
import { PENDING_COOKIE, SESSION_COOKIE, SESSION_TTL } from '../pro-sante-connect';
import type { RouteModule } from './context';

export const pscRoutes: RouteModule = {
  register(router, { config, psc, publicUrl }) {
    router.on('GET', '/api/psc/login', async (ctx) => {
      const client = await psc.pscClient();
      const { url, pending } = await client.beginLogin();
      psc.sealer!.set(ctx.req, ctx.res, PENDING_COOKIE, pending, 600);
      ctx.res.writeHead(302, { location: url, 'cache-control': 'no-store' });
      ctx.res.end();
    });

    router.on('GET', '/api/psc/callback', async (ctx) => {
      const client = await psc.pscClient();
      const sealer = psc.sealer!;
      const pending = sealer.get<PendingLogin>(ctx.req, PENDING_COOKIE);
      if (!pending) throw new HttpError(400, 'no-pending-login', 'no login in progress (or it expired): start again');
      let session: PscSession;
      try {
        session = await client.completeLogin(`${psc.redirectUri()}${ctx.url.search}`, pending);
      } catch (e) {
        if (e instanceof PscError) throw new HttpError(401, `psc-${e.code}`, e.message);
        throw e;
      }
      sealer.clear(ctx.req, ctx.res, PENDING_COOKIE);
      sealer.set(ctx.req, ctx.res, SESSION_COOKIE, session, SESSION_TTL);
      ctx.res.writeHead(302, { location: '/', 'cache-control': 'no-store' });
      ctx.res.end();
    });

    router.on('GET', '/api/psc/session', (ctx) => {
      if (!config.psc) throw new HttpError(404, 'psc-off', 'Pro Santé Connect is not configured on this server');
      const s = psc.sessionOf(ctx);
      sendJson(ctx.res, 200, s ? { loggedIn: true, professional: s.professional, acr: s.acr } : { loggedIn: false }, { 'cache-control': 'no-store' });
    });

    router.on('POST', '/api/psc/logout', async (ctx) => {
      await readBody(ctx.req, config.limits.bodyBytes);
      const s = psc.sessionOf(ctx);
      const client = s ? await psc.pscClient() : undefined;
      if (psc.sealer) psc.sealer.clear(ctx.req, ctx.res, SESSION_COOKIE);
      sendJson(
        ctx.res,
        200,
        { loggedIn: false, ...(s && client ? { logoutUrl: client.logoutUrl(s, `${publicUrl()}/`) } : {}) },
        { 'cache-control': 'no-store' },
      );
    });
  },
};
