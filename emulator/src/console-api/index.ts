import type { IncomingMessage, ServerResponse } from 'node:http';
import { addAdminRoutes } from './admin-routes';
import { addDataRoutes } from './data-routes';
import type { ConsoleDeps, InvocationEvent } from './deps';
import { addFunctionRoutes } from './function-routes';
import { InvocationLog } from './invocation-log';
import { Router, apiNotFound } from './router';

export type { ConsoleDeps } from './deps';
export * from './types';

export const API_PREFIX = '/api/';
const DEFAULT_LOG_SIZE = 500;

export interface ConsoleApi {
  /** Answers any `/api/...` request (404 JSON for unknown paths); false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Stops listening for invocations and ends open event streams (so the server can close). */
  close(): void;
  readonly log: InvocationLog;
}

export function createConsoleApi(deps: ConsoleDeps): ConsoleApi {
  const log = new InvocationLog(deps.logSize ?? DEFAULT_LOG_SIZE);
  const streams = new Set<ServerResponse>();
  const router = new Router();
  addDataRoutes(router, deps);
  addFunctionRoutes(router, deps, log, streams);
  addAdminRoutes(router, deps);

  const onInvocation = (invocation: InvocationEvent): void => {
    log.add(invocation);
  };
  deps.events.on('invocation', onInvocation);

  return {
    log,
    async handle(req, res) {
      const pathname = (req.url ?? '/').split('?')[0] ?? '/';
      if (!pathname.startsWith(API_PREFIX)) return false;
      if (!(await router.dispatch(req, res))) apiNotFound(res, pathname);
      return true;
    },
    close() {
      deps.events.off('invocation', onInvocation);
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}
