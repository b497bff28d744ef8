/**
 * Every capability's HTTP routes: each capability folder's index.ts exports a RouteModule and
 * this list is the only place that names them. To add a capability with routes, create
 * `emulator/src/<capability>/index.ts` exporting `<capability>Routes: RouteModule` and add it
 * here; the pipeline (http/pipeline.ts) runs the host, token, caller and body checks in front
 * of it. Catch-alls (`/api/*`, `/*`) match after every other route, so order rarely matters.
 */
import { clockRoutes } from '../clock';
import { adminProtocolRoutes } from '../admin-protocol';
import { consoleApiRoutes } from '../console-api';
import { functionRoutes } from '../functions';
import { messageRoutes, openapiRoutes } from '../openapi';
import { pushRoutes } from '../pushes';
import { clientDatabaseRoutes } from '../rules';
import { storageRoutes } from '../storage';
import { triggerRoutes } from '../triggers';
import { healthRoutes } from '../http/health-routes';
import type { RouteModule } from './context';

export const routeModules: readonly RouteModule[] = [
  healthRoutes,
  adminProtocolRoutes,
  clientDatabaseRoutes,
  functionRoutes,
  storageRoutes,
  openapiRoutes,
  pushRoutes,
  messageRoutes,
  clockRoutes,
  triggerRoutes,
  consoleApiRoutes,
];
