/**
 * The environment a real Cloud Development instance sees. Base variables are fixed per
 * instance; identity and the per-invocation admin URL are set for one call and removed after.
 */
import type { FunctionConfig } from '../config/cloudbaserc';
import type { ScfContext } from './protocol';
import type { CallerIdentity } from '../shared/caller-identity';

export type { CallerIdentity } from '../shared/caller-identity';
export { DEFAULT_APPID } from '../shared/default-appid';
const REGION = 'ap-shanghai';
/** Dummy credentials: the SDK refuses to run without them; nothing checks their value. */
const DUMMY_SECRETS = {
  TENCENTCLOUD_SECRETID: 'AKIDemulatorlocal0000000000000000',
  TENCENTCLOUD_SECRETKEY: 'emulatorlocalsecretkey0000000000',
  TENCENTCLOUD_SESSIONTOKEN: 'emulator-local-session-token',
};
/** Host variables an instance keeps (everything else of the emulator's env is left out). */
const PASSED_THROUGH = ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'SYSTEMROOT'];
/** SCF runs functions in UTC: the host's zone must not leak in (a function's own TZ wins). */
const SCF_TIME_ZONE = 'UTC';

export function baseEnv(
  fn: FunctionConfig,
  envId: string,
  adminUrl: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of PASSED_THROUGH) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return {
    ...env,
    ...DUMMY_SECRETS,
    TZ: SCF_TIME_ZONE,
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: REGION,
    SCF_NAMESPACE: envId,
    SCF_FUNCTIONNAME: fn.name,
    SCF_FUNCTIONVERSION: '$LATEST',
    SCF_MEMORY_SIZE: String(fn.memorySize),
    SCF_TIMEOUT: String(fn.timeoutSeconds),
    SCF_RUNTIME: fn.runtime,
    TCB_ENV: envId,
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE',
    // Module-level database calls (during cold start) go to the plain admin endpoint.
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    ...fn.envVariables,
  };
}

/** Identity and routing for one invocation. */
export function invocationEnv(
  identity: CallerIdentity,
  requestId: string,
  invocationAdminUrl: string,
): Record<string, string> {
  const env: Record<string, string> = {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP',
    TCB_SOURCE: identity.source,
    TCB_SEQID: requestId,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: invocationAdminUrl }),
  };
  // A timer trigger has no user: getWXContext() then has no OPENID/APPID key at all.
  if (identity.openid) env.WX_OPENID = identity.openid;
  if (identity.appid) env.WX_APPID = identity.appid;
  if (identity.unionid) env.WX_UNIONID = identity.unionid;
  if (identity.clientIp) env.WX_CLIENTIP = identity.clientIp;
  return env;
}

export function scfContext(
  fn: FunctionConfig,
  envId: string,
  requestId: string,
  env: Record<string, string>,
): ScfContext {
  const contextVars: Record<string, string> = { SCF_NAMESPACE: envId, TCB_ENV: envId, ...env };
  delete contextVars.TCB_CONTEXT_CNFG;
  return {
    request_id: requestId,
    function_name: fn.name,
    function_version: '$LATEST',
    namespace: envId,
    memory_limit_in_mb: fn.memorySize,
    time_limit_in_ms: fn.timeoutSeconds * 1000,
    environ: Object.entries(contextVars)
      .map(([k, v]) => `${k}=${v}`)
      .join(';'),
    environment: JSON.stringify(contextVars),
    tencentcloud_region: REGION,
    tencentcloud_appid: '1250000000',
    tencentcloud_uin: '100000000001',
  };
}

/** The event main receives: Cloud Development adds `userInfo` to an object payload. */
export function eventFor(data: unknown, identity: CallerIdentity): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return { ...data, userInfo: { appId: identity.appid, openId: identity.openid } };
}
