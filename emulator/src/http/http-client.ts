/** A small JSON-over-HTTP client (node:http, keep-alive) for callFunction and the tools. */
import { Agent, request } from 'node:http';

export interface JsonReply {
  status: number;
  body: unknown;
}

export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  agent: Agent,
): Promise<JsonReply> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: text === '' ? undefined : (JSON.parse(text) as unknown),
            });
          } catch {
            resolve({ status: res.statusCode ?? 0, body: text });
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
