/** `callFunction` of the programmatic API: a real HTTP call to POST /functions/<name>. */
import { Agent } from 'node:http';
import { isPlainObject } from '../shared/plain-object';
import { postJson } from '../http/json-client';

export interface CallIdentity {
  /** Sent as `x-wx-openid`; leave it out to see the emulator refuse the call. */
  openid?: string;
  appid?: string;
  unionid?: string;
  clientIp?: string;
  /** TCB_SOURCE of the call (default `wx_client`). */
  source?: string;
}

/** The parsed reply: `status` and `body` as sent, plus the contract's fields when present. */
export interface FunctionCallReply {
  status: number;
  ok: boolean;
  result?: unknown;
  requestID?: string;
  errCode?: number;
  errMsg?: string;
  body: unknown;
}

const HEADERS: Array<[keyof CallIdentity, string]> = [
  ['openid', 'x-wx-openid'],
  ['appid', 'x-wx-appid'],
  ['unionid', 'x-wx-unionid'],
  ['clientIp', 'x-wx-clientip'],
  ['source', 'x-wx-source'],
];

export function createFunctionCaller(
  baseUrl: string,
  accessToken?: string,
): {
  call(name: string, data: unknown, identity?: CallIdentity): Promise<FunctionCallReply>;
  close(): void;
} {
  const agent = new Agent({ keepAlive: true });
  return {
    async call(name, data, identity = {}) {
      const headers: Record<string, string> = {};
      if (accessToken) headers.authorization = `Bearer ${accessToken}`;
      for (const [key, header] of HEADERS) {
        const value = identity[key];
        if (value !== undefined) headers[header] = value;
      }
      const url = `${baseUrl}/functions/${encodeURIComponent(name)}`;
      const { status, body } = await postJson(url, { data }, headers, agent);
      const fields = isPlainObject(body) ? body : {};
      const reply: FunctionCallReply = { status, ok: status === 200, body };
      if ('result' in fields) reply.result = fields.result;
      if (typeof fields.requestID === 'string') reply.requestID = fields.requestID;
      if (typeof fields.errCode === 'number') reply.errCode = fields.errCode;
      if (typeof fields.errMsg === 'string') reply.errMsg = fields.errMsg;
      return reply;
    },
    close: () => agent.destroy(),
  };
}
