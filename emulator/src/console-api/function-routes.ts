import type { ServerResponse } from 'node:http';
import type { Database } from '../database';
import type { EmulatorContext } from '../app/context';
import { badRequest } from '../http/http-error';
import type { Route } from '../http/route-types';
import { pushesFor } from '../pushes/push-instance';
import { isPlainObject } from '../shared/plain-object';
import { consoleRoute } from '../http/console-route';
import { callDatabase } from './database-call';
import { fromProtocol, toProtocol } from './document-codec';
import type { InvocationLog } from './invocation-log';
import { toJson } from './invocation-log';
import { pushCallResponse, simulateCall } from './simulate-call';
import type {
  FunctionsResponse,
  JsonObject,
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
export function functionRoutes(
  ctx: EmulatorContext,
  log: InvocationLog,
  streams: Set<ServerResponse>,
): Route[] {
  return [
    consoleRoute('GET', '/api/functions', async (): Promise<FunctionsResponse> => {
      return {
        functions: ctx.functions
          .list()
          .map((fn) => ({ name: fn.name, config: toJson(fn.raw) as JsonObject })),
      };
    }),

    consoleRoute('POST', '/api/functions/:name/call', async ({ params, body }) => {
      if (!isPlainObject(body)) throw badRequest('body must be {"openid": "...", "data": {...}}');
      const openid = typeof body.openid === 'string' ? body.openid.trim() : '';
      if (openid === '') throw badRequest('openid is required');
      return simulateCall(ctx, params.name as string, body.data ?? {}, openid);
    }),

    // A message push to the named function (the 授权变更推送 card): the push service builds
    // its event and context, as for POST /api/pushes (a platform event runs with no OPENID).
    consoleRoute('POST', '/api/functions/:name/push', async ({ params, body }) => {
      if (!isPlainObject(body) || !isPlainObject(body.data))
        throw badRequest('body must be {"data": {...}}');
      const started = Date.now();
      const delivery = await pushesFor(ctx).deliverTo(params.name as string, body.data);
      return pushCallResponse(delivery, Date.now() - started);
    }),

    consoleRoute('GET', '/api/invocations', ({ query }): InvocationsResponse => {
      const after = Number(query.get('after') ?? '0');
      return { invocations: log.since(Number.isFinite(after) ? after : 0), lastSeq: log.lastSeq };
    }),

    consoleRoute('DELETE', '/api/invocations', (): OkResponse => {
      log.clear();
      return { ok: true };
    }),

    consoleRoute('GET', '/api/invocations/stream', ({ req, res }) => {
      const lastEventId = Number(req.headers['last-event-id'] ?? '0');
      openStream(res, log, Number.isFinite(lastEventId) ? lastEventId : 0, streams);
    }),

    consoleRoute('GET', '/api/openids', async (): Promise<OpenidsResponse> => {
      const known = new Map<string, KnownOpenid>();
      for (const user of await knownUsers(ctx.database)) known.set(user.openid, user);
      for (const openid of log.recentOpenids()) {
        if (!known.has(openid)) known.set(openid, { openid, source: 'invocations' });
      }
      return { openids: [...known.values()] };
    }),
  ];
}

async function knownUsers(database: Database): Promise<KnownOpenid[]> {
  let list: unknown[] = [];
  try {
    const data = await callDatabase(database, {
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
