// Times HTTP POSTs over keep-alive connections, the way a warm client talks to a server, with
// the emulator's one JSON client.
import http from 'node:http';
import { requestJson } from '../../emulator/src/http/json-client';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface PostReply {
  status: number;
  body: string;
}

/** POSTs a JSON body and resolves with the status and the full reply body. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<PostReply> {
  const reply = await requestJson(url, { json: body, headers, agent, timeoutMs: 30_000 });
  return { status: reply.status, body: reply.text };
}

/** Runs `total` calls of `fn` with `concurrency` in flight; resolves with calls per second. */
export async function throughput(
  total: number,
  concurrency: number,
  fn: () => Promise<unknown>,
): Promise<number> {
  let started = 0;
  const begin = process.hrtime.bigint();
  const worker = async () => {
    while (started < total) {
      started += 1;
      await fn();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  return total / seconds;
}
