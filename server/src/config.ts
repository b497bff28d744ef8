/**
 * Server configuration from environment variables. Their values live in one place:
 * cloudbaserc.json `functionDefaultConfig.envVariables`, which `tcb fn deploy` (and the
 * emulator, the same way) merges into every function; a function may override some in its own
 * entry. No defaults are written here, so there is no second copy to drift. The build
 * (scripts/build/functions.mjs) bakes each function's merged values into its bundle as the
 * fallback for an unset or blank variable, for deployments that ignore cloudbaserc.json
 * (WeChat DevTools upload). Anything else missing or invalid fails loudly, naming the variable.
 * Read on every invocation: a handful of lookups, and tests may change the environment.
 */
export type SessionPolicy = 'multi' | 'single';

export interface ServerConfig {
  /** Lifetime of a new or renewed session. */
  sessionTtlMs: number;
  /** A session with less than this left is extended by `sessionTtlMs` when checked. */
  renewThresholdMs: number;
  /** Logins beyond this many active sessions revoke the oldest ones. */
  maxSessionsPerUser: number;
  /** `single`: a login revokes every other session of the user. */
  sessionPolicy: SessionPolicy;
  /** cleanupSessions deletes sessions expired or revoked longer ago than this. */
  cleanupAfterMs: number;
  usersCollection: string;
  sessionsCollection: string;
  /** Phone number claims: one document per bound number, `_id` = `<countryCode>-<number>`. */
  phonesCollection: string;
  /** Platform phone exchanges (each billed on success) one account may make per 24 hours. */
  phoneBindMaxPerDay: number;
  /** No renewal extends a session past `createdAt` + this (SESSION_MAX_LIFETIME_DAYS). */
  sessionMaxLifetimeMs: number;
  /** App collections whose documents with the caller's `_openid` an account deletion removes. */
  accountDataCollections: string[];
  /** OPENIDs that hold the `admin` role from configuration (the first admin). */
  adminOpenids: string[];
  auditCollection: string;
  /** cleanupSessions removes audit entries older than this. */
  auditRetentionMs: number;
}

/** The variables, each required (see cloudbaserc.json for their values and meaning). */
export const CONFIG_VARIABLES = [
  'SESSION_TTL_SECONDS',
  'SESSION_RENEW_THRESHOLD_SECONDS',
  'MAX_SESSIONS_PER_USER',
  'SESSION_POLICY',
  'SESSION_CLEANUP_AFTER_DAYS',
  'USERS_COLLECTION',
  'SESSIONS_COLLECTION',
  'PHONES_COLLECTION',
  'PHONE_BIND_MAX_PER_DAY',
  'SESSION_MAX_LIFETIME_DAYS',
  'ACCOUNT_DATA_COLLECTIONS',
  'ADMIN_OPENIDS',
  'AUDIT_COLLECTION',
  'AUDIT_RETENTION_DAYS',
] as const;

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];

/** Comma-separated lists, for which blank is a valid value (nothing listed). */
export const LIST_VARIABLES: readonly ConfigVariable[] = [
  'ACCOUNT_DATA_COLLECTIONS',
  'ADMIN_OPENIDS',
];

type Env = Record<string, string | undefined>;

/** Replaced by the build with the function's merged cloudbaserc.json envVariables. */
declare const __CLOUDBASERC_ENV__: Env | undefined;
const BUILT_IN: Env = typeof __CLOUDBASERC_ENV__ === 'undefined' ? {} : __CLOUDBASERC_ENV__;

const DAY_MS = 86_400_000;
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function raw(env: Env, name: ConfigVariable): string {
  const value = env[name]?.trim() || BUILT_IN[name]?.trim();
  if (!value) {
    throw new Error(
      `missing environment variable ${name}: set it in cloudbaserc.json functionDefaultConfig.envVariables`,
    );
  }
  return value;
}

/** A misconfigured deployment fails loudly (INTERNAL with the cause in the log), never silently. */
function number(env: Env, name: ConfigVariable, check: (n: number) => boolean): number {
  const text = raw(env, name);
  const value = Number(text);
  if (!Number.isFinite(value) || !check(value)) {
    throw new Error(`invalid environment variable ${name}=${JSON.stringify(text)}`);
  }
  return value;
}

function collection(env: Env, name: ConfigVariable): string {
  const value = raw(env, name);
  if (!COLLECTION_NAME.test(value)) {
    throw new Error(`invalid environment variable ${name}=${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * A comma-separated list. Empty is a valid value here (no app collections, no configured
 * admin), so only a variable missing from both the environment and the build fails.
 */
function list(env: Env, name: ConfigVariable): string[] {
  const value = env[name] ?? BUILT_IN[name];
  if (value === undefined) {
    throw new Error(
      `missing environment variable ${name}: set it in cloudbaserc.json functionDefaultConfig.envVariables`,
    );
  }
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function collections(env: Env, name: ConfigVariable): string[] {
  const names = list(env, name);
  for (const value of names) {
    if (!COLLECTION_NAME.test(value)) {
      throw new Error(`invalid environment variable ${name}: collection ${JSON.stringify(value)}`);
    }
  }
  return names;
}

function policy(env: Env): SessionPolicy {
  const value = raw(env, 'SESSION_POLICY');
  if (value !== 'multi' && value !== 'single') {
    throw new Error(`invalid environment variable SESSION_POLICY=${JSON.stringify(value)}`);
  }
  return value;
}

export function readConfig(env: Env = process.env): ServerConfig {
  return {
    sessionTtlMs: number(env, 'SESSION_TTL_SECONDS', (n) => n > 0) * 1000,
    renewThresholdMs: number(env, 'SESSION_RENEW_THRESHOLD_SECONDS', (n) => n >= 0) * 1000,
    maxSessionsPerUser: number(env, 'MAX_SESSIONS_PER_USER', (n) => Number.isInteger(n) && n >= 1),
    sessionPolicy: policy(env),
    cleanupAfterMs: number(env, 'SESSION_CLEANUP_AFTER_DAYS', (n) => n >= 0) * DAY_MS,
    usersCollection: collection(env, 'USERS_COLLECTION'),
    sessionsCollection: collection(env, 'SESSIONS_COLLECTION'),
    phonesCollection: collection(env, 'PHONES_COLLECTION'),
    phoneBindMaxPerDay: number(env, 'PHONE_BIND_MAX_PER_DAY', (n) => Number.isInteger(n) && n >= 0),
    sessionMaxLifetimeMs: number(env, 'SESSION_MAX_LIFETIME_DAYS', (n) => n > 0) * DAY_MS,
    accountDataCollections: collections(env, 'ACCOUNT_DATA_COLLECTIONS'),
    adminOpenids: list(env, 'ADMIN_OPENIDS'),
    auditCollection: collection(env, 'AUDIT_COLLECTION'),
    auditRetentionMs: number(env, 'AUDIT_RETENTION_DAYS', (n) => n > 0) * DAY_MS,
  };
}
