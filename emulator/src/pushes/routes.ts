/**
 * `GET /api/pushes`: the configured routes and recent deliveries; `POST /api/pushes`: deliver
 * one push (production's JSON push format) and answer what the function did.
 */
import { consoleRoute } from '../http/console-route';
import type { RouteModule } from '../app/context';
import { pushesFor } from './push-instance';

export const pushRoutes: RouteModule = (ctx) => [
  consoleRoute('GET', '/api/pushes', () => {
    const pushes = pushesFor(ctx);
    return { routes: pushes.routes, deliveries: pushes.deliveries() };
  }),
  consoleRoute('POST', '/api/pushes', ({ body }) => pushesFor(ctx).deliver(body)),
];
