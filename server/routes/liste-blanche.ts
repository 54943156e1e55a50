// GET /api/liste-blanche: the list in use (verified download, last good one, or the embedded snapshot) as JSON,
// serialised once per list, with a weak ETag naming its content.
import { createHash } from 'node:crypto';
import { notModified, sendBytes } from '../http/router';
import type { ListeBlancheStore } from '../liste-blanche/store';
import type { RouteModule } from './context';

function cachedBody(store: ListeBlancheStore): () => { body: Buffer; etag: string } {
  let cache: { key: string; body: Buffer; etag: string } | undefined;
  return () => {
    const set = store.set;
    const key = `${set.info.generatedAt}|${set.info.fetchedAt ?? ''}|${set.info.source}`;
    if (cache?.key !== key) {
      const body = Buffer.from(
        JSON.stringify({
          generatedAt: set.info.generatedAt,
          fetchedAt: set.info.fetchedAt ?? null,
          source: set.info.source,
          signer: set.info.signer,
          count: set.size,
          domains: set.domains,
        }),
      );
      // Weak: the same list (date, signer, domains) fetched at another time, or by another instance, is the same list.
      const same = createHash('sha256')
        .update(`${set.info.generatedAt}\n${set.info.signer}\n${set.domains.join('\n')}`)
        .digest('base64url')
        .slice(0, 32);
      cache = { key, body, etag: `W/"${same}"` };
    }
    return cache;
  };
}

export const listeBlancheRoutes: RouteModule = {
  register(router, { store }) {
    const current = cachedBody(store);
    router.on('GET', '/api/liste-blanche', (ctx) => {
      const { body, etag } = current();
      const headers = { etag, 'cache-control': 'public, max-age=300, must-revalidate' };
      if (!notModified(ctx, etag, headers)) sendBytes(ctx.res, 200, body, 'application/json; charset=utf-8', headers);
    });
  },
};
