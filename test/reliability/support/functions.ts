// Calling cloud functions over the emulator's HTTP contract (POST /functions/<name>, body
// {"data": event}, identity in x-wx-openid), and reading the answer as the client would.
import { ERROR_CODES } from '../../../contract/src';
import { parseJson, postJson, type RawReply } from './http';

export type CallAnswer =
  | { kind: 'ok'; data: Record<string, unknown> }
  | { kind: 'error'; code: string; details?: Record<string, unknown> } // a typed business error
  | { kind: 'failed'; status: number; errCode: number } // -504xxx: the function failed
  | { kind: 'malformed'; status: number; body: string };

export function readAnswer(reply: RawReply): CallAnswer {
  const body = parseJson(reply.body) as
    | {
        result?: { ok?: unknown; data?: unknown; error?: { code?: unknown; details?: unknown } };
        errCode?: unknown;
      }
    | undefined;
  if (reply.status === 200 && body?.result && typeof body.result === 'object') {
    const { result } = body;
    if (result.ok === true)
      return { kind: 'ok', data: (result.data ?? {}) as Record<string, unknown> };
    if (result.ok === false && typeof result.error?.code === 'string') {
      return {
        kind: 'error',
        code: result.error.code,
        details: result.error.details as Record<string, unknown> | undefined,
      };
    }
  }
  if (reply.status >= 400 && typeof body?.errCode === 'number') {
    return { kind: 'failed', status: reply.status, errCode: body.errCode };
  }
  return { kind: 'malformed', status: reply.status, body: reply.body.slice(0, 300) };
}

/** True for an answer a client can act on: a result, or an error with a code it knows. */
export function isTyped(answer: CallAnswer): boolean {
  if (answer.kind === 'ok') return true;
  if (answer.kind === 'error') return (ERROR_CODES as readonly string[]).includes(answer.code);
  return answer.kind === 'failed' && answer.errCode <= -504001 && answer.errCode >= -504999;
}

export class FunctionsClient {
  constructor(private readonly baseUrl: string) {}

  async raw(
    name: string,
    event: unknown,
    openid: string | undefined,
    timeoutMs = 30_000,
  ): Promise<RawReply> {
    const headers: Record<string, string> = openid === undefined ? {} : { 'x-wx-openid': openid };
    return postJson(`${this.baseUrl}/functions/${name}`, { data: event }, headers, timeoutMs);
  }

  async call(
    name: string,
    event: unknown,
    openid: string,
    timeoutMs?: number,
  ): Promise<CallAnswer> {
    return readAnswer(await this.raw(name, event, openid, timeoutMs));
  }

  /** Calls and insists on success (for set-up steps). */
  async ok(name: string, event: unknown, openid: string): Promise<Record<string, unknown>> {
    const answer = await this.call(name, event, openid);
    if (answer.kind !== 'ok') throw new Error(`${name} failed: ${JSON.stringify(answer)}`);
    return answer.data;
  }
}
