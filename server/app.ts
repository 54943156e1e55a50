// The companion server: one Node process, node:http and a route table, holding no session state of its own
// (logins travel in sealed cookies), so a hospital can run several instances behind its load balancer.
// startServer only wires the parts: routes in ./routes/, the request pipeline in ./http/, schedules in ./schedules.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AnnuaireSanteClient, type FetchLike as FhirFetch } from '../shared/directory/fhir-client';
import { AuditService } from './audit/service';
import { publicUrlOf, type ServerConfig } from './config';
import type { BuildJob } from './directory/build-worker';
import { DirectoryService } from './directory/service';
import { healthOf } from './health';
import { listenAll, loopbackPeers } from './http/listen';
import { batchedStderr } from './http/log';
import { requestPipeline } from './http/pipeline';
import type { Health } from './landing';
import { ListeBlancheStore } from './liste-blanche/store';
import type { TrustAnchors } from './liste-blanche/verify';
import { loadPolicy } from './policy-file';
import { ProSanteConnect } from './pro-sante-connect';
import { ListeBlancheRefresher } from './refresh/liste-blanche';
import { routeTable } from './routes';
import type { ServerParts } from './routes/context';
import { Schedules, directoryJobOf } from './schedules';
import { tlsMaterialOf, type LocalCertificate } from './tls';

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

export async function startServer(config: ServerConfig, hooks: ServerHooks = {}): Promise<VigieServer> {
  const log = hooks.log ?? batchedStderr();
  const started = Date.now();
  const policy = loadPolicy(config.policyFile);
  mkdirSync(config.home, { recursive: true });
  // The certificate first: a missing or unreadable one stops the start before anything else runs.
  const tls = await tlsMaterialOf(config);

  // Liste blanche: the last good list on disk, else the embedded snapshot; refreshed on a schedule. Directory: an
  // index built in a worker thread, rebuilt on its own schedule.
  const store = new ListeBlancheStore(join(config.home, 'liste-blanche'), hooks.trustAnchors);
  const refresher = new ListeBlancheRefresher(store, config.listeBlanche, log);
  const directory = new DirectoryService(log);
  const schedules = new Schedules(config, directory, refresher);
  const directoryReady = schedules.startDirectory(hooks.directoryJob ?? directoryJobOf(config));
  const audit = new AuditService(config.audit, config.home, log);

  let publicUrl = '';
  const fhir = config.directory.fhir;
  const parts: ServerParts = {
    config,
    policy,
    store,
    directory,
    annuaire: fhir
      ? new AnnuaireSanteClient({
          apiKey: fhir.apiKey,
          ...(fhir.baseUrl ? { baseUrl: fhir.baseUrl } : {}),
          fetch: hooks.annuaireFetch ?? ((url, init) => fetch(url, init)),
        })
      : undefined,
    psc: new ProSanteConnect(config, () => publicUrl),
    audit,
    health: () => healthOf({ config, policy, store, refresher, directory, audit, started }),
    publicUrl: () => publicUrl,
  };
  const allowedOrigins = new Set(config.corsOrigins);
  const onRequest = requestPipeline({ config, router: routeTable(parts), allowedOrigins, publicUrl: () => publicUrl, log });

  let socket;
  try {
    socket = await listenAll(config.port, config.host, loopbackPeers(config.host), tls.material, onRequest, log);
  } catch (e) {
    await Promise.all([schedules.stop(), audit.close()]);
    throw e;
  }
  publicUrl = publicUrlOf(config, socket.port);
  allowedOrigins.add(new URL(publicUrl).origin);
  schedules.startListeBlanche();

  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `${config.tls.mode === 'off' ? 'http' : 'https'}://${host}:${socket.port}`,
    port: socket.port,
    publicUrl,
    ...(tls.local ? { tls: tls.local } : {}),
    store,
    refresher,
    directory,
    audit,
    directoryReady,
    health: parts.health,
    close: async () => {
      await Promise.all([socket.close(), schedules.stop(), audit.close()]);
    },
  };
}
