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
