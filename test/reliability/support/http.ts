// Plain HTTP for the reliability suites: one connection per request (no keep-alive agent that
// could outlive a test), a hard timeout on every call, the raw status and body back.
import http from 'node:http';

export interface RawReply {
  status: number;
  body: string;
}

export function request(
  url: string,
  options: {
    method?: string;
    body?: string | Buffer;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<RawReply> {
  const body = options.body ?? '';
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    const timeoutMs = options.timeoutMs ?? 30_000;
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`timed out after ${timeoutMs} ms: ${url}`)),
    );
    req.on('error', reject);
    req.end(body);
  });
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
