// Plain HTTP for the reliability suites over the emulator's one JSON client: one connection
// per request (no keep-alive agent that could outlive a test), a hard timeout on every call,
// the raw status and body back.
import { requestJson } from '../../../emulator/src/http/json-client';

export interface RawReply {
  status: number;
  body: string;
}

export async function request(
  url: string,
  options: {
    method?: string;
    body?: string | Buffer;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<RawReply> {
  const reply = await requestJson(url, {
    method: options.method ?? 'POST',
    bytes: options.body ?? '',
    contentType: 'application/json',
    headers: options.headers ?? {},
    agent: false,
    timeoutMs: options.timeoutMs ?? 30_000,
  });
  return { status: reply.status, body: reply.text };
}

export function postJson(
  url: string,
  value: unknown,
  headers: Record<string, string> = {},
  timeoutMs?: number,
): Promise<RawReply> {
  return request(url, {
    body: JSON.stringify(value),
    headers,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** GET /healthz answers 200 {"ok":true} while the emulator serves. */
export async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const reply = await request(`${baseUrl}/healthz`, { method: 'GET', timeoutMs: 5000 });
    return (
      reply.status === 200 && (parseJson(reply.body) as { ok?: boolean } | undefined)?.ok === true
    );
  } catch {
    return false;
  }
}
