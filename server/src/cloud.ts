import * as cloud from 'wx-server-sdk';
import type { Database } from './db/types';
import { checkSdkVersion } from './sdk-version';

/**
 * The only module that touches wx-server-sdk. `init` runs once per instance at load (as the
 * official templates do); identity is read per invocation in `readWxContext`, never at load.
 */
// The SDK's typings predate DYNAMIC_CURRENT_ENV being a symbol; init accepts it at run time.
// `timeout` (ms, per SDK request; the SDK's default is 15 s): a cold first login makes 6
// sequential database rounds (measured: test/functions/cold-login-budget.test.ts), so 6 × 3 s
// stays under the function's 25 s timeout
// (cloudbaserc.json) and a slow database surfaces as a rejected call, answered INTERNAL in the
// envelope, instead of the platform killing the function (-504002). See docs/deploy.md.
export const SDK_REQUEST_TIMEOUT_MS = 3000;
// Before init: an SDK too old to honour DYNAMIC_CURRENT_ENV must not open the wrong environment.
// Read from the SDK's manifest: the `version` it exports is stale in places (1.5.3 says 1.4.0)
// and missing before 1.5.
// eslint-disable-next-line @typescript-eslint/no-require-imports
checkSdkVersion((require('wx-server-sdk/package.json') as { version?: unknown }).version);
// wx-server-sdk hands init options to @cloudbase/node-sdk, which reads `timeout`; the SDK's
// typings omit it, so the options go through a variable (no excess-property check).
const initOptions = {
  env: cloud.DYNAMIC_CURRENT_ENV as unknown as string,
  timeout: SDK_REQUEST_TIMEOUT_MS,
};
cloud.init(initOptions);

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
  ENV?: unknown;
  FROM_OPENID?: unknown;
  FROM_APPID?: unknown;
  FROM_UNIONID?: unknown;
}

export function readWxContext(): WxContext {
  return cloud.getWXContext() as WxContext;
}

/** What `phonenumber.getPhoneNumber` answers (the SDK has turned snake_case into camelCase). */
export interface PhoneInfo {
  phoneNumber?: unknown;
  purePhoneNumber?: unknown;
  /** A string in practice; documented as a number in places, so both are accepted. */
  countryCode?: unknown;
}

interface PhoneNumberApi {
  phonenumber: {
    getPhoneNumber(data: { code: string; openid: string }): Promise<{ phoneInfo?: PhoneInfo }>;
  };
}

/**
 * Exchanges a getPhoneNumber button code (one platform call, billed on success). Passing the
 * caller's OPENID makes the platform refuse a code that another user tapped (40029).
 * Failures are thrown as the SDK throws them: `{ errCode, errMsg }`.
 */
export async function getPhoneNumber(code: string, openid: string): Promise<PhoneInfo> {
  // The SDK's typings do not describe the openapi proxy; one cast to the call used here.
  const api = cloud.openapi as unknown as PhoneNumberApi;
  const result = await api.phonenumber.getPhoneNumber({ code, openid });
  return result.phoneInfo ?? {};
}

/** `security.msgSecCheck` v2 parameters (scene 1 = 资料, profile text). */
export interface MsgSecCheckParams {
  openid: string;
  scene: 1 | 2 | 3 | 4;
  version: 2;
  content: string;
  nickname?: string;
}

export interface MsgSecCheckResult {
  result?: { suggest?: string; label?: number };
}

/**
 * Text content security through the platform's cloud call. The function must list
 * `security.msgSecCheck` under `permissions.openapi` in its config.json (updateUserInfo does).
 */
export function msgSecCheck(params: MsgSecCheckParams): Promise<MsgSecCheckResult> {
  // The SDK's typings do not describe the openapi proxy; one cast to the call used here.
  const openapi = cloud.openapi as unknown as {
    security: { msgSecCheck(params: MsgSecCheckParams): Promise<MsgSecCheckResult> };
  };
  return openapi.security.msgSecCheck(params);
}

interface DeleteFileResult {
  fileList?: Array<{ fileID: string; status: number; errMsg?: string }>;
}

/**
 * Deletes cloud files; returns how many are gone (deleted now, or already missing: a retried
 * deletion must not stall on a file an earlier attempt removed).
 */
export async function deleteFiles(fileIds: string[]): Promise<number> {
  if (fileIds.length === 0) return 0;
  const result = (await cloud.deleteFile({ fileList: fileIds })) as DeleteFileResult;
  let gone = 0;
  for (const item of result.fileList ?? []) {
    if (item.status === 0) gone += 1;
    else if (!/not.?exist|NOT_FOUND|STORAGE_FILE_NONEXIST/i.test(item.errMsg ?? '')) {
      throw new Error(`deleteFile ${item.fileID}: ${item.status} ${item.errMsg ?? ''}`);
    }
  }
  return gone;
}
