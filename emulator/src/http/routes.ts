/**
 * Every module's HTTP routes, in matching order. A module adds routes in its own routes.ts;
 * this list is the only place that names them.
 */
import { consoleApiRoutes } from '../console-api/routes';
import { functionRoutes } from '../functions/routes';
import { openapiRoutes } from '../openapi';
import { clientDatabaseRoutes } from '../rules';
import { storageRoutes } from '../storage/routes';
import { adminRoutes } from './admin-routes';
import { healthRoutes } from './health-routes';
import type { RouteModule } from './route-types';

export const routeModules: readonly RouteModule[] = [
  healthRoutes,
  adminRoutes,
  clientDatabaseRoutes,
  functionRoutes,
  storageRoutes,
  // Before the console API: its `/api/*` takes every path under /api.
  openapiRoutes,
  consoleApiRoutes,
];
