import * as cloud from 'wx-server-sdk';
import type { Database } from './db/types';

/**
 * The only module that touches wx-server-sdk. `init` runs once per instance at load (as the
 * official templates do); identity is read per invocation in `readWxContext`, never at load.
 */
// The SDK's typings predate DYNAMIC_CURRENT_ENV being a symbol; init accepts it at run time.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

let database: Database | undefined;

export function getDatabase(): Database {
  // One cast from the SDK's loose typings to the typed slice in db/types.ts.
  database ??= cloud.database() as unknown as Database;
  return database;
}

export interface WxContext {
  OPENID?: unknown;
  APPID?: unknown;
  UNIONID?: unknown;
  SOURCE?: unknown;
}

export function readWxContext(): WxContext {
  return cloud.getWXContext() as WxContext;
}
