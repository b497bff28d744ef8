import type { Route } from './route-types';

/** `GET /healthz`: the server only listens once everything is ready, so answering means ready. */
export const healthRoutes = (): Route[] => [
  {
    method: ['GET', 'HEAD'],
    path: '/healthz',
    // Readiness probes may come from anywhere; the answer tells nothing.
    callers: 'any',
    handler: () => ({ ok: true }),
  },
];
