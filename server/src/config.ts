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

/**
 * Values given in code (`configure()` of the server package), as variables: they win over the
 * environment, which wins over the built-in values.
 */
let overrides: Env = {};

export function setConfigOverrides(values: Env): void {
  overrides = { ...values };
}

/** Every problem of a configuration at once, so one deploy fixes them all. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`wx-cloud-login configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const WHERE =
  "set it in cloudbaserc.json functionDefaultConfig.envVariables (or the function's environment, or configure() in code)";

const DAY_MS = 86_400_000;
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function raw(env: Env, name: ConfigVariable): string {
  const value = env[name]?.trim() || BUILT_IN[name]?.trim();
  if (!value) {
    throw new Error(`missing environment variable ${name}: ${WHERE}`);
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
    throw new Error(`missing environment variable ${name}: ${WHERE}`);
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
  const source: Env = { ...env, ...overrides };
  const problems: string[] = [];
  // Each value is read on its own so one error lists every bad variable, not the first.
  function read<T>(value: (env: Env) => T): T {
    try {
      return value(source);
    } catch (error) {
      problems.push((error as Error).message);
      return undefined as T;
    }
  }
  const config: ServerConfig = {
    sessionTtlMs: read((e) => number(e, 'SESSION_TTL_SECONDS', (n) => n > 0) * 1000),
    renewThresholdMs: read(
      (e) => number(e, 'SESSION_RENEW_THRESHOLD_SECONDS', (n) => n >= 0) * 1000,
    ),
    maxSessionsPerUser: read((e) =>
      number(e, 'MAX_SESSIONS_PER_USER', (n) => Number.isInteger(n) && n >= 1),
    ),
    sessionPolicy: read(policy),
    cleanupAfterMs: read((e) => number(e, 'SESSION_CLEANUP_AFTER_DAYS', (n) => n >= 0) * DAY_MS),
    usersCollection: read((e) => collection(e, 'USERS_COLLECTION')),
    sessionsCollection: read((e) => collection(e, 'SESSIONS_COLLECTION')),
    phonesCollection: read((e) => collection(e, 'PHONES_COLLECTION')),
    phoneBindMaxPerDay: read((e) =>
      number(e, 'PHONE_BIND_MAX_PER_DAY', (n) => Number.isInteger(n) && n >= 0),
    ),
    sessionMaxLifetimeMs: read(
      (e) => number(e, 'SESSION_MAX_LIFETIME_DAYS', (n) => n > 0) * DAY_MS,
    ),
    accountDataCollections: read((e) => collections(e, 'ACCOUNT_DATA_COLLECTIONS')),
    adminOpenids: read((e) => list(e, 'ADMIN_OPENIDS')),
    auditCollection: read((e) => collection(e, 'AUDIT_COLLECTION')),
    auditRetentionMs: read((e) => number(e, 'AUDIT_RETENTION_DAYS', (n) => n > 0) * DAY_MS),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
