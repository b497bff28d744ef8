/**
 * The attacker's side: raw HTTP requests with whatever Host, Origin, Sec-Fetch-Site and
 * Content-Type a browser page (or a rebinding DNS name) would produce.
 */
import { requestJson, type JsonReply } from '../../../emulator/src/http/json-client';
import type { RunningEmulator } from '../../../emulator/src/index';

export interface AttackOptions {
  method?: string;
  host?: string;
  origin?: string;
  site?: 'cross-site' | 'same-site' | 'same-origin' | 'none';
  type?: string;
  body?: string;
  headers?: Record<string, string>;
}

export function attack(
  emu: RunningEmulator,
  path: string,
  options: AttackOptions = {},
): Promise<JsonReply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.host) headers.host = options.host;
  if (options.origin) headers.origin = options.origin;
  if (options.site) headers['sec-fetch-site'] = options.site;
  return requestJson(`${emu.url}${path}`, {
    method: options.method ?? 'POST',
    ...(options.body !== undefined
      ? { bytes: options.body, contentType: options.type ?? 'text/plain;charset=UTF-8' }
      : {}),
    headers,
    agent: false,
    timeoutMs: 60_000,
  });
}

/** The error code of a refusal (the pipeline's one error shape). */
export function codeOf(reply: JsonReply): unknown {
  return (reply.body as { code?: unknown } | undefined)?.code;
}

export async function count(emu: RunningEmulator, collection: string): Promise<number> {
  const reply = await emu.database.handle({
    action: 'database.calculateDocument',
    collectionName: collection,
    queryType: 'WHERE',
  });
  return (reply as { data?: { total?: number } }).data?.total ?? 0;
}
