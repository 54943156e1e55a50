// The Outlook add-in: its XML and unified manifests rendered for this server's public URL (Office requires HTTPS; a
// plain-HTTP server, only ever for tests or behind a proxy on the same host, serves the built copy with its URLs
// replaced), offered as downloads (Outlook asks for a file), and the built files under /outlook/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderUnifiedManifest, renderXmlManifest } from '../../manifests/outlook/render';
import pkg from '../../package.json';
import type { ServerConfig } from '../config';
import { HttpError, sendBytes, sendJson } from '../http/router';
import { serveFile } from '../http/static';
import type { RouteModule } from './context';

/** True when the add-in is built where the configuration says. */
export function addinBuilt(config: ServerConfig): boolean {
  return !!config.addinDir && existsSync(join(config.addinDir, 'manifest.xml'));
}

export const outlookRoutes: RouteModule = {
  register(router, { config, publicUrl }) {
    const requireAddin = () => {
      if (!addinBuilt(config)) throw new HttpError(404, 'no-addin', 'the Outlook add-in is not built on this server (npm run build)');
    };
    const builtManifest = (name: string) => {
      if (!existsSync(join(config.addinDir!, name))) throw new HttpError(404, 'no-addin', `${name} is not built on this server`);
      return readFileSync(join(config.addinDir!, name), 'utf8').replaceAll('{{baseUrl}}', publicUrl()).replaceAll('https://localhost:3000', publicUrl());
    };
    const overHttps = () => publicUrl().startsWith('https:');

    router.on('GET', '/outlook/manifest.xml', (ctx) => {
      requireAddin();
      const xml = overHttps() ? renderXmlManifest({ baseUrl: publicUrl(), version: pkg.version }) : builtManifest('manifest.xml');
      sendBytes(ctx.res, 200, xml, 'application/xml; charset=utf-8', {
        'cache-control': 'no-cache',
        'content-disposition': 'attachment; filename="vigie-outlook-manifest.xml"',
      });
    });
    router.on('GET', '/outlook/manifest.json', (ctx) => {
      requireAddin();
      const json = overHttps()
        ? renderUnifiedManifest({ baseUrl: publicUrl(), version: pkg.version })
        : (JSON.parse(builtManifest('manifest.json')) as unknown);
      sendJson(ctx.res, 200, json, { 'cache-control': 'no-cache', 'content-disposition': 'attachment; filename="vigie-outlook-manifest.json"' });
    });
    router.on('GET', '/outlook/*', (ctx) => serveFile(ctx, config.addinDir, ctx.params.rest!, { sourceMaps: config.serveSourceMaps }));
  },
};
