/**
 * The HTTP endpoints of a running emulator that the bridge uses, in one place, over the
 * emulator's one JSON client (which works under jest's jsdom environment, where
 * miniprogram-simulate renders pages). The caller's OPENID travels in the `x-wx-openid`
 * header (what WeChat injects server-side).
 */
import { requestJson, type JsonReply, type RequestOptions } from '../http/json-client';

export interface EmulatorEndpoint {
  url: string;
  openid: string;
  appid?: string;
  /** The emulator's access token, when it requires one (see RunningEmulator.accessToken). */
  accessToken?: string;
}

export type HttpReply = Pick<JsonReply, 'status' | 'body'>;

function send(
  endpoint: EmulatorEndpoint,
  path: string,
  options: RequestOptions,
): Promise<HttpReply> {
  const headers: Record<string, string> = { 'x-wx-openid': endpoint.openid };
  if (endpoint.appid) headers['x-wx-appid'] = endpoint.appid;
  if (endpoint.accessToken) headers.authorization = `Bearer ${endpoint.accessToken}`;
  return requestJson(`${endpoint.url}${path}`, { ...options, headers });
}

export function postJson(
  endpoint: EmulatorEndpoint,
  path: string,
  body: unknown,
): Promise<HttpReply> {
  return send(endpoint, path, { method: 'POST', json: body ?? {} });
}

export function putBytes(
  endpoint: EmulatorEndpoint,
  path: string,
  bytes: Buffer,
  signal?: AbortSignal,
): Promise<HttpReply> {
  return send(endpoint, path, { method: 'PUT', bytes, ...(signal ? { signal } : {}) });
}

export const ENDPOINTS = {
  callFunction: (name: string) => `/functions/${encodeURIComponent(name)}`,
  upload: (cloudPath: string) => `/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`,
  tempUrls: '/storage/temp-urls',
  deleteFiles: '/storage/delete',
} as const;

/** `{ errCode, errMsg }` of an error reply, when it has that shape. */
export function errorOf(body: unknown): { errCode: number; errMsg: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const { errCode, errMsg } = body as { errCode?: unknown; errMsg?: unknown };
  if (typeof errCode !== 'number') return null;
  return { errCode, errMsg: typeof errMsg === 'string' ? errMsg : '' };
}
