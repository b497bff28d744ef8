/**
 * The emulator's HTTP server: plain node:http (the hot path is one JSON body in, one out; a
 * framework would only add latency) running every request through the one pipeline.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatorStartError } from '../config/errors';
import type { Logger } from '../logging/logger';
import { SERVER_KEEP_ALIVE_TIMEOUT_MS } from './keep-alive';
import { createPipeline, type HttpSecurity } from './pipeline';
import type { Route } from './route-types';

export function createHttpServer(routes: Route[], security: HttpSecurity, logger: Logger): Server {
  const handle = createPipeline(routes, security, logger);
  const server = createServer((req, res) => void handle(req, res));
  // Clients (SDK, tests, benchmarks) reuse connections; keep them a little longer than Node's 5 s.
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS;
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
