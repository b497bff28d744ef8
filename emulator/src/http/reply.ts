import type { ServerResponse } from 'node:http';

/** Sends `body` as JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendRawJson(res, status, JSON.stringify(body));
}

/** Sends text that already is JSON (the function host passes results through unparsed). */
export function sendRawJson(res: ServerResponse, status: number, json: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    // Answers are live state (documents, counts, logs): never from a cache.
    'cache-control': 'no-store',
  });
  res.end(json);
}
