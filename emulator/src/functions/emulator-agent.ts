/**
 * Keep-alive to the emulator, and only to it. Inside SCF the SDK turns keep-alive off and passes
 * `agent: null`, so on the Node 16/18 runtimes every database call opened a new TCP connection
 * to the emulator (connect, accept and socket setup in both processes, every round). Here an
 * instance sends requests whose target is the emulator's own host:port through one keep-alive
 * Agent; a request to any other host gets exactly what it got before (same agent, same
 * `Connection` header), because its arguments are passed on untouched.
 *
 * Why wrap http.request/http.get rather than install an Agent subclass as http.globalAgent:
 * ClientRequest decides `Connection: keep-alive` versus `close` from the agent object it is
 * given, before the agent sees the request, so a delegating global agent cannot give one host
 * keep-alive and leave the others on close; replacing globalAgent would also change what user
 * code reads from `http.globalAgent`. Choosing the agent before ClientRequest exists keeps both
 * decisions (header and pooling) consistent, and only for the emulator's address.
 */
import http from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { urlToHttpOptions } from 'node:url';
import { SERVER_KEEP_ALIVE_TIMEOUT_MS } from '../http/keep-alive';

/**
 * A kept socket idle this long is closed by the instance: far below the server's keep-alive
 * timeout, so a reused socket is never one the server is closing (the SDK does not retry an
 * ECONNRESET with keep-alive off, so that race would surface as a database error).
 */
export const FREE_SOCKET_TIMEOUT_MS = Math.min(15_000, SERVER_KEEP_ALIVE_TIMEOUT_MS / 4);

export interface EmulatorAddress {
  /** Lower case, IPv6 without brackets. */
  hostname: string;
  port: number;
}

/** host:port of the emulator's origin (`http://127.0.0.1:<port>`); undefined if not plain http. */
export function emulatorAddressOf(origin: string | undefined): EmulatorAddress | undefined {
  if (!origin) return undefined;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:') return undefined;
  return { hostname: normalHost(url.hostname), port: url.port === '' ? 80 : Number(url.port) };
}

function normalHost(host: string): string {
  const lower = host.toLowerCase();
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}

type RequestOptions = http.RequestOptions & { createConnection?: unknown; _defaultAgent?: unknown };

/**
 * The arguments of http.request/get with `agent` set to `agent` when the call targets `address`
 * and chose no agent of its own (none, undefined or null, which Node reads as the global agent).
 * Any other call, or one Node would reject, is returned as it came. Host and port are worked
 * out as Node's ClientRequest does: options override the URL, `hostname` before `host`.
 */
export function withEmulatorAgent(
  args: unknown[],
  address: EmulatorAddress,
  agent: http.Agent,
): unknown[] {
  const [first, second] = args;
  let url: URL | undefined;
  let options: RequestOptions | undefined;
  let optionsIndex: number;
  if (typeof first === 'string' || first instanceof URL) {
    try {
      url = typeof first === 'string' ? new URL(first) : first;
    } catch {
      return args;
    }
    optionsIndex = 1;
    if (second !== null && typeof second === 'object') options = second as RequestOptions;
  } else if (first !== null && typeof first === 'object') {
    optionsIndex = 0;
    options = first as RequestOptions;
  } else {
    return args;
  }
  const merged: RequestOptions = { ...(url ? urlToHttpOptions(url) : {}), ...options };
  if (merged.agent !== undefined && merged.agent !== null) return args;
  if (merged.socketPath || merged.createConnection || merged._defaultAgent) return args;
  if ((merged.protocol ?? 'http:') !== 'http:') return args;
  const hostname = normalHost(String(merged.hostname || merged.host || 'localhost'));
  const port = Number(merged.port || merged.defaultPort || 80);
  if (hostname !== address.hostname || port !== address.port) return args;
  const next = [...args];
  if (options) next[optionsIndex] = { ...options, agent };
  else next.splice(optionsIndex, 0, { agent });
  return next;
}

/**
 * The keep-alive Agent for the emulator. Node's Agent unrefs free sockets (they never keep the
 * process alive); `timeout` is their idle limit: Node destroys a free socket when it fires (16,
 * 18 and 20 alike), and a request's own timeout (the SDK sets one) replaces it while in use.
 */
export function createEmulatorAgent(freeSocketTimeoutMs = FREE_SOCKET_TIMEOUT_MS): http.Agent {
  return new http.Agent({ keepAlive: true, timeout: freeSocketTimeoutMs });
}

/** Routes this process's requests to the emulator through one keep-alive Agent. */
export function routeToEmulator(address: EmulatorAddress): void {
  const agent = createEmulatorAgent();
  const request = http.request;
  const get = http.get;
  // Plain functions: `http.request.call(other, ...)` must keep working as before.
  const routedRequest = function request_(...args: unknown[]): http.ClientRequest {
    return (request as (...a: unknown[]) => http.ClientRequest)(
      ...withEmulatorAgent(args, address, agent),
    );
  };
  // Node's own get() calls its internal request, not the property: both need the routing.
  const routedGet = function get_(...args: unknown[]): http.ClientRequest {
    return (get as (...a: unknown[]) => http.ClientRequest)(
      ...withEmulatorAgent(args, address, agent),
    );
  };
  Object.assign(http, { request: routedRequest, get: routedGet });
  // `import { request } from 'node:http'` in an ES module function sees the routed ones too.
  syncBuiltinESMExports();
}
