/**
 * wx-server-sdk 1.x and 2.0.x (through tcb-admin-node) ignore TCB_CONTEXT_CNFG: inside SCF
 * (`TENCENTCLOUD_RUNENV=SCF`) they send every call to the hard-coded
 * `http://tcb-admin.tencentyun.com/admin` (cloud calls: `tcb-open.tencentyun.com`) unless the
 * user passed `serviceUrl` to init. In the emulator that failed as `getaddrinfo ENOTFOUND`,
 * which looks like a network problem. The instance bootstrap sends those requests to the
 * admin URL of the running invocation instead (read from TCB_CONTEXT_CNFG at request time, so
 * each call is attributed to its invocation, as the newer SDKs' calls are). The rewrite happens
 * at http.request, below the SDK: no version's code is patched, and the user's node_modules
 * stay untouched. Only these plain-http SCF hosts are rewritten; anything else passes as it came.
 */
import http from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { urlToHttpOptions } from 'node:url';

/** The intranet endpoints tcb-admin-node uses inside SCF. */
export const LEGACY_TCB_HOSTS: ReadonlySet<string> = new Set([
  'tcb-admin.tencentyun.com',
  'tcb-open.tencentyun.com',
]);

type Options = http.RequestOptions & { href?: string };

/** The admin URL of the running invocation (TCB_CONTEXT_CNFG.URL), else `fallback`. */
export function currentAdminUrl(env: NodeJS.ProcessEnv, fallback: string): URL {
  try {
    const url = (JSON.parse(env.TCB_CONTEXT_CNFG ?? '') as { URL?: unknown }).URL;
    if (typeof url === 'string') return new URL(url);
  } catch {
    // Unset or not JSON (a function may overwrite its env): the emulator's plain endpoint.
  }
  return new URL(fallback);
}

function withHost(headers: Options['headers'], host: string): Options['headers'] {
  if (!headers) return headers;
  if (Array.isArray(headers)) {
    return headers.map((value, i) =>
      i % 2 === 1 && String(headers[i - 1]).toLowerCase() === 'host' ? host : value,
    ) as Options['headers'];
  }
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(headers)) {
    next[key] = key.toLowerCase() === 'host' ? host : value;
  }
  return next as Options['headers'];
}

/**
 * The arguments of http.request/get, pointed at `target` when they address one of the legacy
 * hosts over plain http (the path's query is kept after the target's own, which may carry
 * the access token); undefined when they do not.
 */
export function rerouteLegacyRequest(args: unknown[], target: URL): unknown[] | undefined {
  const [first, second] = args;
  let url: URL | undefined;
  let options: Options | undefined;
  let rest: unknown[];
  if (typeof first === 'string' || first instanceof URL) {
    try {
      url = typeof first === 'string' ? new URL(first) : first;
    } catch {
      return undefined;
    }
    const hasOptions = second !== null && typeof second === 'object';
    if (hasOptions) options = second as Options;
    rest = args.slice(hasOptions ? 2 : 1);
  } else if (first !== null && typeof first === 'object') {
    options = first as Options;
    rest = args.slice(1);
  } else {
    return undefined;
  }
  const merged: Options = { ...(url ? urlToHttpOptions(url) : {}), ...options };
  if ((merged.protocol ?? 'http:') !== 'http:') return undefined;
  const hostname = String(merged.hostname || merged.host || '').toLowerCase();
  if (!LEGACY_TCB_HOSTS.has(hostname)) return undefined;
  const query = ((merged.path ?? '/').split('?')[1] ?? '').replace(/^&+/, '');
  const targetQuery = target.search.slice(1);
  const search = [targetQuery, query].filter(Boolean).join('&');
  const rerouted: Options = {
    ...merged,
    protocol: 'http:',
    host: target.hostname,
    hostname: target.hostname,
    port: target.port === '' ? 80 : Number(target.port),
    path: search ? `${target.pathname}?${search}` : target.pathname,
    headers: withHost(merged.headers, target.host),
  };
  delete rerouted.href;
  return [rerouted, ...rest];
}

/** Sends this process's legacy-host requests to the emulator (see the file comment). */
export function routeLegacySdkToEmulator(fallbackAdminUrl: string): void {
  const request = http.request;
  const get = http.get;
  const route = (args: unknown[]): unknown[] =>
    rerouteLegacyRequest(args, currentAdminUrl(process.env, fallbackAdminUrl)) ?? args;
  Object.assign(http, {
    request: function request_(...args: unknown[]): http.ClientRequest {
      return (request as (...a: unknown[]) => http.ClientRequest)(...route(args));
    },
    get: function get_(...args: unknown[]): http.ClientRequest {
      return (get as (...a: unknown[]) => http.ClientRequest)(...route(args));
    },
  });
  syncBuiltinESMExports();
}
