/**
 * The one JSON-over-HTTP client for talking to an emulator: the programmatic callFunction, the
 * bridge (mini program side), the benchmarks and the reliability suites. node:http rather than
 * fetch: it runs under jest's jsdom environment (no fetch there) and takes a keep-alive Agent.
 */
import { request, type Agent } from 'node:http';

export interface JsonReply {
  status: number;
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
  text: string;
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON (`content-type: application/json`). */
  json?: unknown;
  /** Sent as is, with `contentType` (default application/octet-stream). */
  bytes?: Buffer | string;
  contentType?: string;
  headers?: Record<string, string>;
  /** A keep-alive agent to reuse connections; `false` for one connection per call. */
  agent?: Agent | false;
  /** Fails the call after this long (default: no limit). */
  timeoutMs?: number;
  /** Aborts the call (an upload task's abort()). */
  signal?: AbortSignal;
}

function payloadOf(options: RequestOptions): { bytes: Buffer; type?: string } {
  if (options.json !== undefined) {
    return { bytes: Buffer.from(JSON.stringify(options.json)), type: 'application/json' };
  }
  if (options.bytes !== undefined) {
    const bytes = Buffer.isBuffer(options.bytes) ? options.bytes : Buffer.from(options.bytes);
    return { bytes, type: options.contentType ?? 'application/octet-stream' };
  }
  return { bytes: Buffer.alloc(0) };
}

export function requestJson(url: string, options: RequestOptions = {}): Promise<JsonReply> {
  const { bytes, type } = payloadOf(options);
  const headers: Record<string, string | number> = { 'content-length': bytes.length };
  if (type) headers['content-type'] = type;
  Object.assign(headers, options.headers);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'POST',
        headers,
        ...(options.agent !== undefined ? { agent: options.agent } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text === '' ? undefined : text;
          try {
            if (text !== '') body = JSON.parse(text) as unknown;
          } catch {
            // Not JSON: the caller sees the text (and reports it as an unexpected reply).
          }
          resolve({ status: res.statusCode ?? 0, body, text });
        });
      },
    );
    const { timeoutMs } = options;
    if (timeoutMs !== undefined) {
      req.setTimeout(timeoutMs, () =>
        req.destroy(
          new Error(`timed out after ${timeoutMs} ms: ${options.method ?? 'POST'} ${url}`),
        ),
      );
    }
    req.on('error', reject);
    req.end(bytes);
  });
}

/** POSTs `body` as JSON. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  agent?: Agent | false,
): Promise<JsonReply> {
  return requestJson(url, { json: body, headers, ...(agent !== undefined ? { agent } : {}) });
}
