/**
 * The HTTP endpoints of a running emulator that the bridge uses, in one place.
 * The caller's OPENID travels in the `x-wx-openid` header (what WeChat injects server-side).
 */
export interface EmulatorEndpoint {
  url: string;
  openid: string;
  appid?: string;
}

export interface HttpReply {
  status: number;
  body: unknown;
  headers: Headers;
}

function headersFor(
  endpoint: EmulatorEndpoint,
  extra: Record<string, string>,
): Record<string, string> {
  const headers: Record<string, string> = { 'x-wx-openid': endpoint.openid, ...extra };
  if (endpoint.appid) headers['x-wx-appid'] = endpoint.appid;
  return headers;
}

async function parse(response: Response): Promise<HttpReply> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // Not JSON: keep the text, the caller reports it as a malformed reply.
  }
  return { status: response.status, body, headers: response.headers };
}

export async function postJson(
  endpoint: EmulatorEndpoint,
  path: string,
  body: unknown,
): Promise<HttpReply> {
  const response = await fetch(`${endpoint.url}${path}`, {
    method: 'POST',
    headers: headersFor(endpoint, { 'content-type': 'application/json' }),
    body: JSON.stringify(body ?? {}),
  });
  return parse(response);
}

export async function putBytes(
  endpoint: EmulatorEndpoint,
  path: string,
  bytes: Buffer,
): Promise<HttpReply> {
  const response = await fetch(`${endpoint.url}${path}`, {
    method: 'PUT',
    headers: headersFor(endpoint, { 'content-type': 'application/octet-stream' }),
    body: bytes,
  });
  return parse(response);
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
