import type { ServerResponse } from 'node:http';
import type { ConsoleDeps } from './deps';
import { fromProtocol, toProtocol } from './ejson';
import { badRequest, isRecord } from './http';
import type { InvocationLog } from './invocation-log';
import { toJson } from './invocation-log';
import { callProtocol } from './protocol';
import type { Router } from './router';
import type {
  CallResponse,
  FunctionsResponse,
  InvocationsResponse,
  KnownOpenid,
  OkResponse,
  OpenidsResponse,
} from './types';

/** The login functions keep one document per user here, keyed by the caller's OPENID. */
export const USERS_COLLECTION = 'users';
/** Users listed as known OPENIDs (most recent logins first). */
const KNOWN_USERS_LIMIT = 200;
/** Keeps idle proxies and browsers from closing the event stream. */
const HEARTBEAT_MS = 15_000;

/** Functions, the invocation log (list + SSE stream), simulated calls and known OPENIDs. */
export function addFunctionRoutes(
  router: Router,
  deps: ConsoleDeps,
  log: InvocationLog,
  streams: Set<ServerResponse>,
): void {
  router.add('GET', '/api/functions', async (): Promise<FunctionsResponse> => {
    return { functions: await deps.listFunctions() };
  });

  router.add('POST', '/api/functions/:name/call', async ({ params, body }) => {
    if (!isRecord(body)) throw badRequest('body must be {"openid": "...", "data": {...}}');
    const openid = typeof body.openid === 'string' ? body.openid.trim() : '';
    if (openid === '') throw badRequest('openid is required');
    return simulateCall(deps, params.name as string, body.data ?? {}, openid);
  });

  router.add('GET', '/api/invocations', ({ query }): InvocationsResponse => {
    const after = Number(query.get('after') ?? '0');
    return { invocations: log.since(Number.isFinite(after) ? after : 0), lastSeq: log.lastSeq };
  });

  router.add('DELETE', '/api/invocations', (): OkResponse => {
    log.clear();
    return { ok: true };
  });

  router.add('GET', '/api/invocations/stream', ({ req, res }) => {
    const lastEventId = Number(req.headers['last-event-id'] ?? '0');
    openStream(res, log, Number.isFinite(lastEventId) ? lastEventId : 0, streams);
    return undefined;
  });

  router.add('GET', '/api/openids', async (): Promise<OpenidsResponse> => {
    const known = new Map<string, KnownOpenid>();
    for (const user of await knownUsers(deps)) known.set(user.openid, user);
    for (const openid of log.recentOpenids()) {
      if (!known.has(openid)) known.set(openid, { openid, source: 'invocations' });
    }
    return { openids: [...known.values()] };
  });
}

async function simulateCall(
  deps: ConsoleDeps,
  name: string,
  data: unknown,
  openid: string,
): Promise<CallResponse> {
  const started = Date.now();
  try {
    const reply = await deps.callFunction(name, data, { openid });
    // The bridge answers like wx.cloud.callFunction: { result, requestID, errMsg }.
    const wrapped = isRecord(reply) && 'result' in reply;
    const response: CallResponse = {
      ok: true,
      result: toJson(wrapped ? reply.result : reply),
      durationMs: Date.now() - started,
    };
    const requestId = wrapped ? (reply.requestID ?? reply.requestId) : undefined;
    if (typeof requestId === 'string') response.requestId = requestId;
    return response;
  } catch (error) {
    const response: CallResponse = { ok: false, durationMs: Date.now() - started };
    if (isRecord(error)) {
      const { errCode, errMsg, message, requestId } = error;
      if (typeof errCode === 'number' || typeof errCode === 'string') response.errCode = errCode;
      if (typeof requestId === 'string') response.requestId = requestId;
      response.errMsg = typeof errMsg === 'string' ? errMsg : String(message ?? error);
    } else {
      response.errMsg = String(error);
    }
    return response;
  }
}

async function knownUsers(deps: ConsoleDeps): Promise<KnownOpenid[]> {
  let list: unknown[] = [];
  try {
    const data = await callProtocol(deps.database, {
      action: 'database.getDocument',
      collectionName: USERS_COLLECTION,
      queryType: 'WHERE',
      multi: true,
      limit: KNOWN_USERS_LIMIT,
      order: toProtocol({ lastLoginAt: -1 }),
    });
    list = Array.isArray(data.list) ? data.list : [];
  } catch {
    // No users collection yet (nobody logged in): only OPENIDs from the log are known.
    return [];
  }
  const users: KnownOpenid[] = [];
  for (const item of list) {
    const doc = fromProtocol(item);
    const openid = doc.openid ?? doc._openid ?? doc.OPENID;
    if (typeof openid !== 'string' || openid === '') continue;
    const user: KnownOpenid = { openid, source: 'users' };
    if (typeof doc.nickName === 'string' && doc.nickName !== '') user.nickName = doc.nickName;
    users.push(user);
  }
  return users;
}

function openStream(
  res: ServerResponse,
  log: InvocationLog,
  lastEventId: number,
  streams: Set<ServerResponse>,
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  const send = (record: { seq: number }): void => {
    res.write(`id: ${record.seq}\nevent: invocation\ndata: ${JSON.stringify(record)}\n\n`);
  };
  res.write('retry: 2000\n\n');
  // A reconnecting browser sends Last-Event-ID: replay what it missed from the ring buffer.
  if (lastEventId > 0) log.since(lastEventId).forEach(send);
  const unsubscribe = log.subscribe(send);
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  streams.add(res);
  res.on('close', () => {
    streams.delete(res);
    clearInterval(heartbeat);
    unsubscribe();
  });
}
