// The health of each part, as /healthz and the landing page show it: the liste blanche (age, source, last refresh),
// the directory (size, age, build), DI, PSC and the policy.
import { freshness } from '../shared/whitelist/freshness';
import type { AuditService } from './audit/service';
import type { ServerConfig } from './config';
import type { DirectoryService } from './directory/service';
import type { Health } from './landing';
import type { ListeBlancheStore } from './liste-blanche/store';
import type { LoadedPolicy } from './policy-file';
import type { ListeBlancheRefresher } from './refresh/liste-blanche';

export interface HealthSources {
  config: ServerConfig;
  policy: LoadedPolicy;
  store: ListeBlancheStore;
  refresher: ListeBlancheRefresher;
  directory: DirectoryService;
  audit: AuditService;
  /** When the server started (ms since the epoch). */
  started: number;
}

export function healthOf({ config, policy, store, refresher, directory, audit, started }: HealthSources): Health {
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
    audit: {
      enabled: config.audit.enabled,
      store: audit.kind,
      retentionDays: config.audit.retentionDays,
      adminToken: !!config.admin.token,
      ...(audit.lastPurge ? { lastPurge: audit.lastPurge } : {}),
    },
  };
}
