/**
 * Registration point of the storage module's HTTP routes (cloud:// files, uploads, temporary
 * URLs). The storage work fills this in; server/routes.ts already lists it.
 */
import type { RouteModule } from '../server/route-types';

export const storageRoutes: RouteModule = () => [];
