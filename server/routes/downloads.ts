// GET /downloads/…: the packaged extensions (XPI, webmail zip), as files from the configured folder.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from '../config';
import { serveFile } from '../http/static';
import type { RouteModule } from './context';

/** The files offered for download (the landing page lists them). */
export function downloadNames(config: ServerConfig): string[] {
  const dir = config.downloadsDir;
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => !n.startsWith('.') && statSync(join(dir, n)).isFile()).sort();
}

export const downloadRoutes: RouteModule = {
  register(router, { config }) {
    router.on('GET', '/downloads/*', (ctx) => serveFile(ctx, config.downloadsDir, ctx.params.rest!, { sourceMaps: config.serveSourceMaps }));
  },
};
