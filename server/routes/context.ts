// What a route module gets: the server's parts, built once by startServer. A route module is one file that adds its
// routes to the table (`register(router, server)`) and is listed once in ./index.ts.
import type { AnnuaireSanteClient } from '../../shared/directory/fhir-client';
import type { AuditService } from '../audit/service';
import type { ServerConfig } from '../config';
import type { DirectoryService } from '../directory/service';
import type { Router } from '../http/router';
import type { Health } from '../landing';
import type { ListeBlancheStore } from '../liste-blanche/store';
import type { LoadedPolicy } from '../policy-file';
import type { ProSanteConnect } from '../pro-sante-connect';

export interface ServerParts {
  config: ServerConfig;
  policy: LoadedPolicy;
  store: ListeBlancheStore;
  directory: DirectoryService;
  /** The Annuaire Santé FHIR API, when a key is configured (the key stays on the server). */
  annuaire: AnnuaireSanteClient | undefined;
  psc: ProSanteConnect;
  /** The audit store, opened on first use. */
  audit: AuditService;
  health(): Health;
  /** The URL users reach the server at (known once it listens). */
  publicUrl(): string;
}

export interface RouteModule {
  /** Adds this module's routes (e.g. `router.on('GET', '/api/…', handler)`). */
  register(router: Router, server: ServerParts): void;
}
