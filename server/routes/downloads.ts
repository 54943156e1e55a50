// GET /downloads/…: the packaged extensions (XPI, webmail zip), as files from the configured folder; /downloads/ lists them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from '../config';
import { downloadsPage } from '../downloads-page';
import { sendBytes } from '../http/router';
import { PAGE_CSP } from '../http/security';
import { serveFile } from '../http/static';
import type { RouteModule } from './context';

/** The files offered for download (the landing page lists them). */
export function downloadNames(config: ServerConfig): string[] {
  const dir = config.downloadsDir;
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.') && statSync(join(dir, n)).isFile())
    .sort();
}

export const downloadRoutes: RouteModule = {
  register(router, { config }) {
    router.on('GET', '/downloads/*', (ctx) => {
      if (ctx.params.rest) return serveFile(ctx, config.downloadsDir, ctx.params.rest, { sourceMaps: config.serveSourceMaps });
      sendBytes(ctx.res, 200, downloadsPage(downloadNames(config)), 'text/html; charset=utf-8', {
        'content-security-policy': PAGE_CSP,
        'cache-control': 'no-store',
      });
    });
  },
};
