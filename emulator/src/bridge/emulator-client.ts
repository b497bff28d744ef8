/**
 * The HTTP endpoints of a running emulator that the bridge uses, in one place.
 * The caller's OPENID travels in the `x-wx-openid` header (what WeChat injects server-side).
 * Uses node:http rather than fetch so the bridge also works under jest's jsdom environment
 * (which has no fetch) where miniprogram-simulate renders pages.
 */
import { request } from 'node:http';

export interface EmulatorEndpoint {
  url: string;
  openid: string;
  appid?: string;
}

export interface HttpReply {
  status: number;
  body: unknown;
}

function send(
  endpoint: EmulatorEndpoint,
  method: 'POST' | 'PUT',
  path: string,
  payload: { type: string; bytes: Buffer },
): Promise<HttpReply> {
  const headers: Record<string, string | number> = {
    'x-wx-openid': endpoint.openid,
    'content-type': payload.type,
    'content-length': payload.bytes.length,
  };
  if (endpoint.appid) headers['x-wx-appid'] = endpoint.appid;
  return new Promise((resolve, reject) => {
    const req = request(`${endpoint.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text === '' ? undefined : (JSON.parse(text) as unknown);
        } catch {
          // Not JSON: keep the text; the caller reports it as an unexpected reply.
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end(payload.bytes);
  });
}

export function postJson(
  endpoint: EmulatorEndpoint,
  path: string,
  body: unknown,
): Promise<HttpReply> {
  const bytes = Buffer.from(JSON.stringify(body ?? {}), 'utf8');
  return send(endpoint, 'POST', path, { type: 'application/json', bytes });
}

export function putBytes(
  endpoint: EmulatorEndpoint,
  path: string,
  bytes: Buffer,
): Promise<HttpReply> {
  return send(endpoint, 'PUT', path, { type: 'application/octet-stream', bytes });
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
