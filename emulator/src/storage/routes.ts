/**
 * Registration point of the storage module's HTTP routes (server/routes.ts lists it): the mini
 * program API used through the bridge, signed downloads (temp URLs) and the server SDK's uploads.
 */
import type { RouteModule } from '../app/context';
import { clientRoutes } from './client-routes';
import { fileRoutes } from './file-routes';
import { postObjectRoutes } from './post-object-route';
import { storageFor } from './storage-instance';

export const storageRoutes: RouteModule = (ctx) => {
  const service = storageFor(ctx);
  return [...clientRoutes(service), ...fileRoutes(service), ...postObjectRoutes(service)];
};
