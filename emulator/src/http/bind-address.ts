/** What the address the emulator listens on means for who can reach it. */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import os from 'node:os';

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

/** A literal address as it appears in a Host header: IPv6 in brackets. */
function asHostName(address: string): string {
  return isIP(address) === 6 ? `[${address}]` : address;
}

/**
 * Host names that reach this server through its bound address: the address itself, or every
 * interface address when bound to all of them (0.0.0.0 / ::).
 */
export function boundHostNames(host: string): string[] {
  if (!WILDCARDS.has(host)) return [asHostName(host)];
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .map((info) => info?.address)
    .filter((address): address is string => typeof address === 'string');
  return [...new Set(addresses)].map(asHostName);
}

/** Every address a client on the network may use, for the start banner. */
export function reachableAddresses(host: string): string[] {
  return boundHostNames(host).filter((name) => !isLoopback(name));
}

/** 128 random bits, URL-safe. */
export function newAccessToken(): string {
  return randomBytes(16).toString('base64url');
}
