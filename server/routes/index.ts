// Every route of the server, in matching order. Adding routes: one file exporting a RouteModule (see ./context.ts),
// listed here; nothing else changes.
import { Router } from '../http/router';
import type { RouteModule, ServerParts } from './context';
import { auditRoutes } from './audit';
import { directoryRoutes } from './directory';
import { diRoutes } from './di';
import { downloadRoutes } from './downloads';
import { healthRoutes } from './health';
import { landingRoutes } from './landing';
import { listeBlancheRoutes } from './liste-blanche';
import { outlookRoutes } from './outlook';
import { policyRoutes } from './policy';
import { pscRoutes } from './psc';

export const ROUTES: readonly RouteModule[] = [
  landingRoutes,
  healthRoutes,
  policyRoutes,
  listeBlancheRoutes,
  directoryRoutes,
  diRoutes,
  pscRoutes,
  auditRoutes,
  outlookRoutes,
  downloadRoutes,
];

/** The route table for a server's parts. */
export function routeTable(server: ServerParts, modules: readonly RouteModule[] = ROUTES): Router {
  const router = new Router();
  for (const m of modules) m.register(router, server);
  return router;
}
