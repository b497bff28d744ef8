/**
 * The transport the real query builder (@cloudbase/database) uses for the bridge's client
 * database: each request goes to the emulator's client route (`POST /client/database`, judged
 * by security rules) as the bridge's current OPENID.
 *
 * The builder takes its transport from one static, `Db.reqClass`, which @cloudbase/node-sdk
 * (inside wx-server-sdk) also sets whenever it opens a database. So that a test can use both
 * in one process, `Db.reqClass` becomes a property whose getter returns a dispatcher: a
 * database whose config carries our marker gets the bridge transport, any other gets whatever
 * the SDK last installed.
 */
import { Db } from '@cloudbase/database';
import { errorOf, postJson, type EmulatorEndpoint } from './emulator-client';
import { wxError, type WxApiError } from './wx-api';

export const BRIDGE_MARKER = '__wxCloudBridgeEndpoint';
/** The emulator's client database route (emulator/src/rules/routes.ts). */
export const CLIENT_DATABASE_PATH = '/client/database';

type Endpoint = () => EmulatorEndpoint;
interface Requester {
  send(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
}
type RequesterClass = new (config: Record<string, unknown>) => Requester;

/** TCB error codes as errCodes, as wx-server-sdk maps them (src/.../tcb/config/error.config.ts). */
export const DB_ERR_CODES: Record<string, number> = {
  SYS_ERR: -501001,
  INVALID_PARAM: -501007,
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_INVALID_OPERRATOR: -502002,
  DATABASE_PERMISSION_DENIED: -502003,
  DATABASE_COLLECTION_EXCEED_LIMIT: -502004,
  DATABASE_COLLECTION_NOT_EXIST: -502005,
};
const ERR_DESCRIPTIONS: Record<number, string> = {
  [-501001]: 'system error',
  [-501007]: 'invalid parameter',
  [-502001]: 'database request fail',
  [-502002]: 'database operation fail',
  [-502003]: 'database permission denied',
  [-502005]: 'database collection not exists',
};

/** What a failed client database call rejects with: errCode and errMsg as the client shows them. */
export class DatabaseError extends Error implements WxApiError {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(`errCode: ${errCode} ${ERR_DESCRIPTIONS[errCode] ?? ''} | errMsg: ${errMsg}`);
    this.name = 'DatabaseError';
  }
}

class BridgeRequester implements Requester {
  constructor(private readonly endpoint: Endpoint) {}

  async send(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    let reply;
    try {
      reply = await postJson(this.endpoint(), CLIENT_DATABASE_PATH, { ...params, action });
    } catch (cause) {
      throw wxError('database', -1, `request:fail ${(cause as Error)?.message ?? String(cause)}`);
    }
    const body = reply.body as Record<string, unknown> | undefined;
    if (reply.status === 200 && body && typeof body === 'object' && typeof body.code === 'string') {
      throw new DatabaseError(
        DB_ERR_CODES[body.code] ?? -501001,
        String(body.message ?? body.code),
      );
    }
    if (reply.status !== 200 || !body || typeof body !== 'object') {
      const error = errorOf(reply.body);
      throw new DatabaseError(
        error?.errCode ?? -501001,
        error?.errMsg ?? `unexpected reply (HTTP ${reply.status})`,
      );
    }
    return body;
  }
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  let other: RequesterClass | undefined = (Db as unknown as { reqClass?: RequesterClass }).reqClass;
  // A plain function so `new` can return the chosen requester.
  function Dispatcher(config: Record<string, unknown>): Requester {
    const endpoint = config?.[BRIDGE_MARKER] as Endpoint | undefined;
    if (endpoint) return new BridgeRequester(endpoint);
    if (!other) throw new Error('@cloudbase/database has no transport installed');
    return new other(config);
  }
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => Dispatcher,
    set: (value: RequesterClass) => {
      if (value !== (Dispatcher as unknown)) other = value;
    },
  });
}

/** A real builder `Db` whose requests go to the emulator's client route. */
export function createBuilderDb(endpoint: Endpoint): Db {
  install();
  return new Db({ [BRIDGE_MARKER]: endpoint, env: 'bridge' });
}
