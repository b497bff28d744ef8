import { sendJson } from './reply';
import type { RouteModule } from './route-types';

/** `GET /healthz`: the server only listens once everything is ready, so answering means ready. */
export const healthRoutes: RouteModule = () => [
  {
    method: ['GET', 'HEAD'],
    path: '/healthz',
    handler: (_req, res) => sendJson(res, 200, { ok: true }),
  },
];
