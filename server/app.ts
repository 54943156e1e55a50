// The companion server: one Node process, node:http and a route table, holding no session state of its own
// (logins travel in sealed cookies), so a hospital can run several instances behind its load balancer.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { defaultPolicy, type OrgPolicy } from '../shared/config/policy';
import { parsePolicy } from '../shared/config/validate-policy';
import { freshness } from '../shared/whitelist/freshness';
import { checkMatriculeIns } from '../shared/recipient-policy/ins';
import { MhdClient } from '../shared/documents/mhd';
import { DocumentSourceError, type DocumentSource } from '../shared/ports/document-source';
import { PscClient, PscError, type PendingLogin, type PscSession } from './psc/client';
import { ListeBlancheStore } from './liste-blanche/store';
import type { TrustAnchors } from './liste-blanche/verify';
import { ListeBlancheRefresher } from './refresh/liste-blanche';
import { DirectoryService } from './directory/service';
import { downloadExtraction, newestExtraction } from './directory/extraction-files';
import type { BuildJob } from './directory/build-worker';
import { DemoDocumentSource } from './di/demo-source';
import { AnnuaireSanteClient, type FetchLike as FhirFetch } from '../shared/directory/fhir-client';
import { HttpError, Router, notModified, readBody, sendBytes, sendJson, type Ctx } from './http/router';
import { API_CSP, PAGE_CSP, RateLimiter, baseHeaders, checkTarget, clientOf, cors } from './http/security';
import { serveFile } from './http/static';
import { CookieSealer } from './http/sealed-cookie';
import { landingCss, landingPage, type Health } from './landing';
import { localCertificate, type LocalCertificate } from './tls';
import { publicUrlOf, ServerConfigError, type ServerConfig } from './config';
import { renderUnifiedManifest, renderXmlManifest } from '../manifests/outlook/render';
import pkg from '../package.json';
import { mountAudit } from './audit/mount';
import type { AuditService } from './audit/service';

export interface ServerHooks {
  /** Trust anchors for the liste blanche signature (tests use their own PKI; default: the shipped IGC-Santé certificates). */
  trustAnchors?: TrustAnchors;
  /** The first directory build (default: from the configuration). */
  directoryJob?: BuildJob;
  /** The fetch used for the Annuaire Santé FHIR API (default: the global fetch). */
  annuaireFetch?: FhirFetch;
  /** Log sink (default: stderr). Lines never carry query strings, bodies or message content. */
  log?: (line: string) => void;
}

export interface VigieServer {
  url: string;
  port: number;
  publicUrl: string;
  tls?: LocalCertificate;
  store: ListeBlancheStore;
  refresher: ListeBlancheRefresher;
  directory: DirectoryService;
  audit: AuditService;
  /** Resolves when the first directory build has ended (well or not). */
  directoryReady: Promise<void>;
  health(): Health;
  close(): Promise<void>;
}

const SESSION_COOKIE = 'vigie_psc';
const PENDING_COOKIE = 'vigie_psc_login';
const SESSION_TTL = 10 * 3600;
const API_LIMIT_MAX = 100;
const SEARCH_KEYS = new Set(['q', 'limit', 'type', 'profession', 'department']);

/** One value of a query parameter: absent, or exactly once. */
function param(url: URL, name: string): string | undefined {
  const all = url.searchParams.getAll(name);
  if (all.length > 1) throw new HttpError(400, 'repeated-parameter', `"${name}" given more than once`);
  return all[0];
}

function loadPolicy(file: string | undefined): { policy: OrgPolicy; json: string; source: string } {
  if (!file) {
    const policy = defaultPolicy();
    return { policy, json: JSON.stringify(policy), source: 'embedded' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ServerConfigError([{ path: file, message: (e as Error).message }], 'policy');
  }
  const r = parsePolicy(raw);
  if (!r.ok) throw new ServerConfigError(r.errors, `policy ${file}`);
  return { policy: r.policy, json: JSON.stringify(r.policy), source: file };
}

function directoryJobOf(c: ServerConfig): BuildJob | undefined {
  const d = c.directory;
  if (d.source === 'synthetic') {
    return {
      kind: 'synthetic',
      count: d.syntheticCount,
      source: `synthetic:${d.syntheticCount}`,
      planted: [
        { type: 'PER', address: 'claire.lefevre@medecin.mssante.fr', rpps: '10001234567', civility: 'DR', familyName: 'LEFÈVRE', givenName: 'Claire', professionCode: '10', profession: 'Médecin', specialtyCode: 'SM04', specialty: 'Cardiologie et maladies vasculaires', service: '', organisation: '', postcode: '69003', city: 'Lyon', department: '69', structId: '', street: '' },
      ],
    };
  }
  if (d.source === 'file' && d.file) return { kind: 'file', path: d.file, source: `file:${d.file}` };
  if (d.source === 'file' && d.watchDir) {
    const newest = newestExtraction(d.watchDir);
    return newest ? { kind: 'file', path: newest.path, source: `file:${newest.path}` } : undefined;
  }
  return undefined;
}

export async function startServer(config: ServerConfig, hooks: ServerHooks = {}): Promise<VigieServer> {
  const log = hooks.log ?? batchedStderr();
  const started = Date.now();
  const policy = loadPolicy(config.policyFile);
  mkdirSync(config.home, { recursive: true });

  // The certificate first: a missing or unreadable one stops the start before anything else runs.
  let tls: LocalCertificate | undefined;
  let tlsMaterial: { cert: string; key: string } | undefined;
  if (config.tls.mode === 'files') {
    try {
      tlsMaterial = { cert: readFileSync(config.tls.certFile!, 'utf8'), key: readFileSync(config.tls.keyFile!, 'utf8') };
    } catch (e) {
      throw new ServerConfigError([{ path: '/tls', message: `cannot read the certificate or key: ${(e as Error).message}` }]);
    }
  } else if (config.tls.mode === 'self-signed') {
    tls = await localCertificate(join(config.home, 'tls'));
    tlsMaterial = { cert: tls.cert, key: tls.key };
  }

  // Liste blanche: the last good list on disk, else the embedded snapshot; refreshed on a schedule.
  const store = new ListeBlancheStore(join(config.home, 'liste-blanche'), hooks.trustAnchors);
  const refresher = new ListeBlancheRefresher(store, config.listeBlanche, log);
  let lbCache: { key: string; body: Buffer; etag: string } | undefined;
  const listeBlancheBody = () => {
    const set = store.set;
    const key = `${set.info.generatedAt}|${set.info.fetchedAt ?? ''}|${set.info.source}`;
    if (lbCache?.key !== key) {
      const body = Buffer.from(JSON.stringify({ generatedAt: set.info.generatedAt, fetchedAt: set.info.fetchedAt ?? null, source: set.info.source, signer: set.info.signer, count: set.size, domains: set.domains }));
      // Weak: the same list (date, signer, domains) fetched at another time, or by another instance, is the same list.
      const same = createHash('sha256').update(`${set.info.generatedAt}\n${set.info.signer}\n${set.domains.join('\n')}`).digest('base64url').slice(0, 32);
      lbCache = { key, body, etag: `W/"${same}"` };
    }
    return lbCache;
  };

  // Directory.
  const directory = new DirectoryService(log);
  const firstJob = hooks.directoryJob ?? directoryJobOf(config);
  const directoryReady = firstJob ? directory.rebuild(firstJob) : Promise.resolve();
  const dirFolder = join(config.home, 'directory');
  const timers: NodeJS.Timeout[] = [];
  let watcher: FSWatcher | undefined;
  if (config.directory.source === 'url' && config.directory.url) {
    const url = config.directory.url;
    const fromUrl = async () => {
      try {
        const path = await downloadExtraction(url, dirFolder);
        await directory.rebuild({ kind: 'file', path, source: `url:${new URL(url).host}` });
      } catch (e) {
        directory.state.lastError = { at: new Date().toISOString(), reason: `download failed: ${(e as Error).message}` };
        if (!directory.ready) {
          // A previous download is better than nothing.
          const prev = newestExtraction(dirFolder);
          if (prev) await directory.rebuild({ kind: 'file', path: prev.path, source: `file:${prev.path}` });
        }
      }
    };
    void fromUrl();
    const t = setInterval(() => void fromUrl(), config.directory.refreshMinutes * 60_000);
    t.unref();
    timers.push(t);
  }
  if (config.directory.source === 'file' && config.directory.file) {
    // The configured file replaced in place (a nightly copy): rebuilt once it has stopped changing.
    const file = config.directory.file;
    const mtime = () => (existsSync(file) ? statSync(file).mtimeMs : 0);
    let seen = mtime();
    let candidate = 0;
    const t = setInterval(() => {
      const m = mtime();
      if (m && m !== seen) {
        if (m === candidate) {
          seen = m;
          void directory.rebuild({ kind: 'file', path: file, source: `file:${file}` });
        } else candidate = m;
      }
    }, 30_000);
    t.unref();
    timers.push(t);
  }
  if (config.directory.watchDir) {
    const dir = config.directory.watchDir;
    mkdirSync(dir, { recursive: true });
    let seen = newestExtraction(dir)?.mtimeMs ?? 0;
    let debounce: NodeJS.Timeout | undefined;
    const check = () => {
      const newest = newestExtraction(dir);
      if (newest && newest.mtimeMs > seen) {
        seen = newest.mtimeMs;
        void directory.rebuild({ kind: 'file', path: newest.path, source: `file:${newest.path}` });
      }
    };
    watcher = watch(dir, () => {
      // A file being copied fires many events: act once it has been quiet for a second.
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(check, 1000);
    });
    const t = setInterval(check, 60_000);
    t.unref();
    timers.push(t);
  }

  // The Annuaire Santé FHIR API, when a key is configured (the key stays on the server).
  const annuaire = config.directory.fhir
    ? new AnnuaireSanteClient({
        apiKey: config.directory.fhir.apiKey,
        ...(config.directory.fhir.baseUrl ? { baseUrl: config.directory.fhir.baseUrl } : {}),
        fetch: hooks.annuaireFetch ?? ((url, init) => fetch(url, init)),
      })
    : undefined;

  // Patient record (DI) and Pro Santé Connect.
  let psc: Promise<PscClient> | undefined;
  const sealer = config.sessionSecret ? new CookieSealer(config.sessionSecret, config.tls.mode !== 'off' || (config.publicUrl ?? '').startsWith('https:')) : undefined;
  const demoDi = config.di.mode === 'demo' ? new DemoDocumentSource() : undefined;

  let publicUrl = '';
  // PSC sends the browser back here; behind a proxy this is the public address, not the socket's.
  const redirectUri = () => config.psc?.redirectUri ?? `${publicUrl}/api/psc/callback`;
  const pscClient = (): Promise<PscClient> => {
    if (!config.psc) throw new HttpError(404, 'psc-off', 'Pro Santé Connect is not configured on this server');
    const p = config.psc;
    psc ??= PscClient.create({ issuer: p.issuer, clientId: p.clientId, clientSecret: p.clientSecret, redirectUri: redirectUri(), ...(p.allowHttp ? { allowHttp: true } : {}) }).catch((e: unknown) => {
      psc = undefined;
      throw new HttpError(502, 'psc-unreachable', `Pro Santé Connect discovery failed: ${(e as Error).message}`);
    });
    return psc;
  };
  const sessionOf = (ctx: Ctx): PscSession | undefined => sealer?.get<PscSession>(ctx.req, SESSION_COOKIE);

  const documentSource = async (ctx: Ctx): Promise<DocumentSource> => {
    if (demoDi) return demoDi;
    if (config.di.mode !== 'mhd' || !config.di.baseUrl) throw new HttpError(404, 'di-off', 'no patient record (DI) is configured on this server');
    let session = sessionOf(ctx);
    if (!session) throw new HttpError(401, 'login-required', 'log in with Pro Santé Connect first');
    const client = await pscClient();
    return new MhdClient({
      baseUrl: config.di.baseUrl,
      fetch: (input, init) => fetch(input, init),
      token: async () => {
        const r = await client.accessToken(session!);
        if (r.session !== session) {
          session = r.session;
          sealer!.set(ctx.req, ctx.res, SESSION_COOKIE, session, SESSION_TTL);
        }
        return r.token;
      },
    });
  };

  const health = (): Health => {
    const set = store.set;
    const f = freshness(set, policy.policy.whitelist.maxAgeDays, new Date());
    const d = directory.state;
    return {
      status: d.status === 'ready' && !f.stale && !refresher.state.lastError ? 'ok' : 'degraded',
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      listeBlanche: {
        source: set.info.source,
        generatedAt: set.info.generatedAt,
        fetchedAt: set.info.fetchedAt ?? null,
        ageDays: f.ageDays,
        stale: f.stale,
        domains: set.size,
        signer: set.info.signer,
        refresh: { ...refresher.state, configured: !!config.listeBlanche.url },
        ...(store.lastError ? { lastRefused: store.lastError } : {}),
      },
      directory: {
        status: d.status,
        entries: d.entries,
        builtAt: d.builtAt ?? null,
        ageHours: d.builtAt ? Math.floor((Date.now() - Date.parse(d.builtAt)) / 3600_000) : null,
        source: d.source ?? null,
        building: d.building,
        ...(d.lastError ? { lastError: d.lastError } : {}),
        fhirConfirmation: !!config.directory.fhir,
      },
      di: { mode: config.di.mode, configured: config.di.mode !== 'off' },
      psc: { configured: !!config.psc },
      policy: { source: policy.source === 'embedded' ? 'embedded' : 'file', mode: policy.policy.mode },
      audit: { enabled: config.audit.enabled, store: audit.kind, retentionDays: config.audit.retentionDays, adminToken: !!config.admin.token, ...(audit.lastPurge ? { lastPurge: audit.lastPurge } : {}) },
    };
  };

  // The add-in manifests, rendered for this server's public URL (Office requires HTTPS; a plain-HTTP server, only
  // ever for tests or behind a proxy on the same host, serves the built copy with its URLs replaced).
  const requireAddin = () => {
    if (!config.addinDir || !existsSync(join(config.addinDir, 'manifest.xml'))) throw new HttpError(404, 'no-addin', 'the Outlook add-in is not built on this server (npm run build)');
  };
  const builtManifest = (name: string) => {
    if (!existsSync(join(config.addinDir!, name))) throw new HttpError(404, 'no-addin', `${name} is not built on this server`);
    return readFileSync(join(config.addinDir!, name), 'utf8').replaceAll('{{baseUrl}}', publicUrl).replaceAll('https://localhost:3000', publicUrl);
  };
  const manifestXml = () => (publicUrl.startsWith('https:') ? renderXmlManifest({ baseUrl: publicUrl, version: pkg.version }) : builtManifest('manifest.xml'));
  const manifestJson = () => (publicUrl.startsWith('https:') ? renderUnifiedManifest({ baseUrl: publicUrl, version: pkg.version }) : (JSON.parse(builtManifest('manifest.json')) as unknown));

  const downloads = (): string[] => {
    const dir = config.downloadsDir;
    if (!dir || !existsSync(dir)) return [];
    return readdirSync(dir).filter((n) => !n.startsWith('.') && statSync(join(dir, n)).isFile()).sort();
  };

  const router = new Router()
    .on('GET', '/', (ctx) => {
      sendBytes(ctx.res, 200, landingPage(health(), { publicUrl, downloads: downloads(), addin: !!config.addinDir && existsSync(join(config.addinDir, 'manifest.xml')) }), 'text/html; charset=utf-8', { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' });
    })
    .on('GET', '/assets/vigie.css', (ctx) => sendBytes(ctx.res, 200, landingCss, 'text/css; charset=utf-8', { 'cache-control': 'public, max-age=3600' }))
    .on('GET', '/healthz', (ctx) => {
      const h = health();
      sendJson(ctx.res, h.directory.status === 'ready' ? 200 : 503, h, { 'cache-control': 'no-store' });
    })
    .on('GET', '/policy.json', (ctx) => {
      const etag = `"${createHash('sha256').update(policy.json).digest('base64url').slice(0, 32)}"`;
      const headers = { etag, 'cache-control': 'no-cache' };
      if (!notModified(ctx, etag, headers)) sendBytes(ctx.res, 200, policy.json, 'application/json; charset=utf-8', headers);
    })
    .on('GET', '/api/liste-blanche', (ctx) => {
      const { body, etag } = listeBlancheBody();
      const headers = { etag, 'cache-control': 'public, max-age=300, must-revalidate' };
      if (!notModified(ctx, etag, headers)) sendBytes(ctx.res, 200, body, 'application/json; charset=utf-8', headers);
    })
    .on('GET', '/api/directory/search', (ctx) => {
      for (const k of ctx.url.searchParams.keys()) if (!SEARCH_KEYS.has(k)) throw new HttpError(400, 'unknown-parameter', `unknown parameter "${k.slice(0, 40)}"`);
      const q = param(ctx.url, 'q')?.trim() ?? '';
      if (!q) throw new HttpError(400, 'missing-query', '"q" is required');
      if (q.length > 200) throw new HttpError(400, 'query-too-long', '"q" is limited to 200 characters');
      const limitText = param(ctx.url, 'limit');
      let limit = 20;
      if (limitText !== undefined) {
        if (!/^\d{1,4}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > API_LIMIT_MAX) throw new HttpError(400, 'bad-limit', `"limit" must be an integer from 1 to ${API_LIMIT_MAX}`);
        limit = Number(limitText);
      }
      const type = param(ctx.url, 'type')?.toUpperCase();
      if (type !== undefined && !['PER', 'ORG', 'APP', 'CAB'].includes(type)) throw new HttpError(400, 'bad-type', '"type" must be PER, ORG, APP or CAB');
      const profession = param(ctx.url, 'profession');
      if (profession !== undefined && (profession.length > 80 || !profession.trim())) throw new HttpError(400, 'bad-profession', '"profession" must be 1 to 80 characters');
      const department = param(ctx.url, 'department')?.toUpperCase();
      if (department !== undefined && !/^(\d{2,3}|2A|2B)$/.test(department)) throw new HttpError(400, 'bad-department', '"department" must be a department code (69, 2A, 974)');
      const r = directory.search(q, { limit, ...(type ? { type } : {}), ...(profession ? { profession } : {}), ...(department ? { department } : {}) });
      if (!r) throw new HttpError(503, 'directory-not-ready', 'the directory is being built', { 'retry-after': '10' });
      sendJson(ctx.res, 200, r, { 'cache-control': 'private, max-age=60' });
    })
    .on('GET', '/api/directory/suggest', async (ctx) => {
      for (const k of ctx.url.searchParams.keys()) if (k !== 'address') throw new HttpError(400, 'unknown-parameter', `unknown parameter "${k.slice(0, 40)}"`);
      const address = param(ctx.url, 'address')?.trim() ?? '';
      if (!address || address.length > 254 || address.split('@').length !== 2 || /\s/.test(address)) throw new HttpError(400, 'bad-address', '"address" must be one e-mail address');
      const r = directory.suggest(address);
      if (!r) throw new HttpError(503, 'directory-not-ready', 'the directory is being built', { 'retry-after': '10' });
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
    })
    .on('GET', '/api/di/documents', async (ctx) => {
      const ins = insParam(ctx.url);
      const source = await documentSource(ctx);
      const documents = await source.findDocuments({ patient: { ins } });
      sendJson(ctx.res, 200, { documents }, { 'cache-control': 'no-store' });
    })
    .on('GET', '/api/di/documents/:id', async (ctx) => {
      const ins = insParam(ctx.url);
      const id = ctx.params.id!;
      if (!/^[A-Za-z0-9.-]{1,64}$/.test(id)) throw new HttpError(400, 'bad-id', 'malformed document id');
      const source = await documentSource(ctx);
      const summary = (await source.findDocuments({ patient: { ins } })).find((d) => d.id === id);
      if (!summary) throw new HttpError(404, 'not-found', 'no such document for this patient');
      const doc = await source.fetchDocument(summary);
      sendBytes(ctx.res, 200, Buffer.from(doc.bytes), summary.contentType, { 'cache-control': 'no-store', 'x-document-sha1': doc.sha1Hex, 'content-disposition': 'attachment' });
    })
    .on('GET', '/api/psc/login', async (ctx) => {
      const client = await pscClient();
      const { url, pending } = await client.beginLogin();
      sealer!.set(ctx.req, ctx.res, PENDING_COOKIE, pending, 600);
      ctx.res.writeHead(302, { location: url, 'cache-control': 'no-store' });
      ctx.res.end();
    })
    .on('GET', '/api/psc/callback', async (ctx) => {
      const client = await pscClient();
      const pending = sealer!.get<PendingLogin>(ctx.req, PENDING_COOKIE);
      if (!pending) throw new HttpError(400, 'no-pending-login', 'no login in progress (or it expired): start again');
      let session: PscSession;
      try {
        session = await client.completeLogin(`${redirectUri()}${ctx.url.search}`, pending);
      } catch (e) {
        if (e instanceof PscError) throw new HttpError(401, `psc-${e.code}`, e.message);
        throw e;
      }
      sealer!.clear(ctx.req, ctx.res, PENDING_COOKIE);
      sealer!.set(ctx.req, ctx.res, SESSION_COOKIE, session, SESSION_TTL);
      ctx.res.writeHead(302, { location: '/', 'cache-control': 'no-store' });
      ctx.res.end();
    })
    .on('GET', '/api/psc/session', (ctx) => {
      if (!config.psc) throw new HttpError(404, 'psc-off', 'Pro Santé Connect is not configured on this server');
      const s = sessionOf(ctx);
      sendJson(ctx.res, 200, s ? { loggedIn: true, professional: s.professional, acr: s.acr } : { loggedIn: false }, { 'cache-control': 'no-store' });
    })
    .on('POST', '/api/psc/logout', async (ctx) => {
      await readBody(ctx.req, config.limits.bodyBytes);
      const s = sessionOf(ctx);
      const client = s ? await pscClient() : undefined;
      if (sealer) sealer.clear(ctx.req, ctx.res, SESSION_COOKIE);
      sendJson(ctx.res, 200, { loggedIn: false, ...(s && client ? { logoutUrl: client.logoutUrl(s, `${publicUrl}/`) } : {}) }, { 'cache-control': 'no-store' });
    })
    .on('GET', '/outlook/manifest.xml', (ctx) => {
      requireAddin();
      sendBytes(ctx.res, 200, manifestXml(), 'application/xml; charset=utf-8', { 'cache-control': 'no-cache', 'content-disposition': 'inline; filename="manifest.xml"' });
    })
    .on('GET', '/outlook/manifest.json', (ctx) => {
      requireAddin();
      sendJson(ctx.res, 200, manifestJson(), { 'cache-control': 'no-cache' });
    })
    .on('GET', '/outlook/*', (ctx) => serveFile(ctx, config.addinDir, ctx.params.rest!))
    .on('GET', '/downloads/*', (ctx) => serveFile(ctx, config.downloadsDir, ctx.params.rest!));
  const audit = mountAudit(router, config, log);

  // Everything before the routes: headers, target checks, rate limit, CORS; after: one log line without the query.
  const limiter = new RateLimiter(config.limits.ratePerSecond, config.limits.burst);
  const allowedOrigins = new Set(config.corsOrigins);
  const secure = config.tls.mode !== 'off';
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const t0 = performance.now();
    let path = '-';
    res.on('finish', () => log(`${new Date().toISOString()} ${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - t0)}ms`));
    baseHeaders(res, secure);
    try {
      const client = clientOf(req, config.trustProxy);
      const url = checkTarget(req.url ?? '/', config.limits.urlChars);
      path = url.pathname.length > 120 ? `${url.pathname.slice(0, 120)}…` : url.pathname;
      if (path.startsWith('/api/')) res.setHeader('content-security-policy', API_CSP);
      const wait = limiter.take(client);
      if (wait) throw new HttpError(429, 'rate-limited', 'too many requests', { 'retry-after': String(wait) });
      if (cors(req, res, allowedOrigins)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') throw new HttpError(405, 'method', 'method not allowed');
      if (req.method !== 'POST' && (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'])) {
        // GET/HEAD bodies are read and discarded, within the size limit.
        await readBody(req, config.limits.bodyBytes);
      }
      const m = router.match(req.method, url.pathname);
      if (m === 'method') throw new HttpError(405, 'method', 'method not allowed');
      if (!m) throw new HttpError(404, 'not-found', 'not found');
      if (req.method === 'POST') {
        // Cross-site form posts are refused: a POST must come from the server's own pages or an allowed origin.
        const origin = req.headers.origin;
        if (origin && origin !== new URL(publicUrl).origin && !allowedOrigins.has(origin)) throw new HttpError(403, 'origin', 'origin not allowed');
      }
      await m.handler({ req, res, url, params: m.params, client });
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      let err: HttpError;
      if (e instanceof HttpError) err = e;
      else if (e instanceof DocumentSourceError) err = new HttpError(e.code === 'unauthorized' ? 401 : e.code === 'forbidden' ? 403 : e.code === 'not-found' ? 404 : 502, `di-${e.code}`, e.text.en);
      else {
        log(`${new Date().toISOString()} error on ${req.method} ${path}: ${(e as Error).message}`);
        err = new HttpError(500, 'internal', 'internal error');
      }
      if (err.headers.connection === 'close') res.shouldKeepAlive = false;
      sendJson(res, err.status, { error: { code: err.code, message: err.message } }, err.headers);
    }
  };

  let server: Server;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  if (!tlsMaterial) server = createHttpServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, onRequest);
  else server = createHttpsServer({ ...tlsMaterial, requestTimeout: 30_000, headersTimeout: 10_000 }, onRequest);
  server.maxHeadersCount = 100;
  server.keepAliveTimeout = 5_000;
  const stopJobs = async () => {
    refresher.stop();
    for (const t of timers) clearInterval(t);
    watcher?.close();
    await Promise.all([directory.close(), audit.close()]);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await stopJobs();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  publicUrl = publicUrlOf(config, port);
  allowedOrigins.add(new URL(publicUrl).origin);
  refresher.start();

  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `${config.tls.mode === 'off' ? 'http' : 'https'}://${host}:${port}`,
    port,
    publicUrl,
    ...(tls ? { tls } : {}),
    store,
    refresher,
    directory,
    audit,
    directoryReady,
    health,
    close: async () => {
      server.closeIdleConnections();
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), stopJobs()]);
    },
  };
}

/** Log lines written to stderr together once per turn of the event loop (one write under load, not one per request). */
function batchedStderr(): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    const text = pending.join('\n');
    pending = [];
    process.stderr.write(`${text}\n`);
  };
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush);
  };
}

function insParam(url: URL): string {
  const raw = param(url, 'ins') ?? '';
  const check = checkMatriculeIns(raw);
  if (!check.valid) throw new HttpError(400, 'bad-ins', '"ins" must be a matricule INS (15 characters with a valid key)');
  return check.matricule;
}
