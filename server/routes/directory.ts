// GET /api/directory/search and /api/directory/suggest: the directory index, every parameter checked; an address
// the daily extraction lacks is confirmed through the Annuaire Santé FHIR API when a key is configured.
import { HttpError, sendJson } from '../http/router';
import { onlyParams, param } from '../http/params';
import type { RouteModule } from './context';

const API_LIMIT_MAX = 100;
const SEARCH_KEYS = new Set(['q', 'limit', 'type', 'profession', 'department']);
const SUGGEST_KEYS = new Set(['address']);
const notReady = () => new HttpError(503, 'directory-not-ready', 'the directory is being built', { 'retry-after': '10' });

export const directoryRoutes: RouteModule = {
  register(router, { directory, annuaire }) {
    router.on('GET', '/api/directory/search', (ctx) => {
      onlyParams(ctx.url, SEARCH_KEYS);
      const q = param(ctx.url, 'q')?.trim() ?? '';
      if (!q) throw new HttpError(400, 'missing-query', '"q" is required');
      if (q.length > 200) throw new HttpError(400, 'query-too-long', '"q" is limited to 200 characters');
      const limitText = param(ctx.url, 'limit');
      let limit = 20;
      if (limitText !== undefined) {
        if (!/^\d{1,4}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > API_LIMIT_MAX)
          throw new HttpError(400, 'bad-limit', `"limit" must be an integer from 1 to ${API_LIMIT_MAX}`);
        limit = Number(limitText);
      }
      const type = param(ctx.url, 'type')?.toUpperCase();
      if (type !== undefined && !['PER', 'ORG', 'APP', 'CAB'].includes(type)) throw new HttpError(400, 'bad-type', '"type" must be PER, ORG, APP or CAB');
      const profession = param(ctx.url, 'profession');
      if (profession !== undefined && (profession.length > 80 || !profession.trim()))
        throw new HttpError(400, 'bad-profession', '"profession" must be 1 to 80 characters');
      const department = param(ctx.url, 'department')?.toUpperCase();
      if (department !== undefined && !/^(\d{2,3}|2A|2B)$/.test(department))
        throw new HttpError(400, 'bad-department', '"department" must be a department code (69, 2A, 974)');
      const r = directory.search(q, { limit, ...(type ? { type } : {}), ...(profession ? { profession } : {}), ...(department ? { department } : {}) });
      if (!r) throw notReady();
      sendJson(ctx.res, 200, r, { 'cache-control': 'private, max-age=60' });
    });

    router.on('GET', '/api/directory/suggest', async (ctx) => {
      onlyParams(ctx.url, SUGGEST_KEYS);
      const address = param(ctx.url, 'address')?.trim() ?? '';
      if (!address || address.length > 254 || address.split('@').length !== 2 || /\s/.test(address))
        throw new HttpError(400, 'bad-address', '"address" must be one e-mail address');
      const r = directory.suggest(address);
      if (!r) throw notReady();
      // The daily extraction lags the Annuaire Santé: an address it lacks is confirmed through the FHIR API when a key is set.
      let fhir: { checked: boolean; found?: boolean; error?: string } = { checked: false };
      if (!r.found && annuaire) {
        try {
          const entries = await annuaire.findByMailbox(address);
          fhir = { checked: true, found: entries.length > 0 };
          if (entries[0]) Object.assign(r, { found: true, entry: entries[0] });
        } catch (e) {
          fhir = { checked: true, error: (e as Error).message };
        }
      }
      sendJson(ctx.res, 200, { ...r, fhir }, { 'cache-control': 'private, max-age=60' });
    });
  },
};
