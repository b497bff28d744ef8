/**
 * The emulator's HTTP server: plain node:http (the hot path is one JSON body in, one out; a
 * framework would only add latency) dispatching to the registered routes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatorStartError } from '../config/errors';
import type { Logger } from '../logging/logger';
import { ERR_INVALID_PARAM, ERR_SYS, HttpError } from './http-error';
import { sendJson } from './reply';
import type { Route } from './route-types';
import { Router } from './router';

async function dispatch(
  router: Router,
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  try {
    const found = router.lookup(method, req.url ?? '/');
    if (found.kind === 'not-found') {
      throw new HttpError(404, ERR_INVALID_PARAM, `no such endpoint: ${method} ${req.url ?? '/'}`);
    }
    if (found.kind === 'method-not-allowed') {
      res.setHeader('allow', [...new Set(found.allowed)].join(', '));
      throw new HttpError(
        405,
        ERR_INVALID_PARAM,
        `${method} is not allowed here (use ${found.allowed.join(' or ')})`,
      );
    }
    await found.route.handler(req, res, found.match);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof HttpError) {
      sendJson(res, error.status, error.toBody());
      return;
    }
    logger.log(
      'error',
      `${method} ${req.url ?? ''} failed: ${(error as Error).stack ?? String(error)}`,
    );
    sendJson(res, 500, {
      errCode: ERR_SYS,
      errMsg: `internal emulator error: ${(error as Error).message}`,
    });
  }
}

export function createHttpServer(routes: Route[], logger: Logger): Server {
  const router = new Router(routes);
  const server = createServer((req, res) => void dispatch(router, logger, req, res));
  // Clients (SDK, tests, benchmarks) reuse connections; keep them a little longer than Node's 5 s.
  server.keepAliveTimeout = 65_000;
  return server;
}

/** Listens, turning the usual failures into one-line errors that say what to do. */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new EmulatorStartError(
            `port ${port} on ${host} is already in use: stop the other process or pass --port <free port> (0 picks one)`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new EmulatorStartError(
            `no permission to listen on ${host}:${port}: pass --port with a number above 1024`,
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new EmulatorStartError(`cannot listen on host ${host}: pass --host 127.0.0.1`));
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // Calls still in flight at stop() are cut: stop means stop.
    setImmediate(() => server.closeAllConnections());
  });
}
