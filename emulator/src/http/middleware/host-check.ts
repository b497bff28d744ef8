/**
 * Host allowlist, first of the checks (like Vite's `server.allowedHosts`, added after
 * CVE-2025-24010): a page on attacker.example can make its own name resolve to 127.0.0.1 (DNS
 * rebinding) and then talk to the emulator as "same-origin"; the Host header still carries its
 * name, so anything not known to be this machine is refused.
 */
import type { IncomingMessage } from 'node:http';
import { forbidden } from '../http-error';
import type { Middleware } from '../pipeline';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** `Host: Example.localhost:9100` -> `example.localhost`; `[::1]:9100` -> `[::1]`. */
export function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.replace(/:\d*$/, '').replace(/\.$/, '');
}

export function isAllowedHost(host: string | undefined, allowed: readonly string[]): boolean {
  if (!host) return false;
  const name = hostName(host);
  if (LOOPBACK_NAMES.includes(name) || name.endsWith('.localhost')) return true;
  return allowed.some((entry) => hostName(entry) === name);
}

export function hostCheck(allowedHosts: readonly string[]): Middleware {
  return async ({ req }: { req: IncomingMessage }, next) => {
    if (!isAllowedHost(req.headers.host, allowedHosts)) {
      const name = req.headers.host ? hostName(req.headers.host) : '(none)';
      throw forbidden(
        'HOST_NOT_ALLOWED',
        `Host ${name} is not allowed: start the emulator with --allowed-host ${name} if you meant it`,
      );
    }
    await next();
  };
}
