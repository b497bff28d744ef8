/**
 * Server configuration from environment variables (cloudbaserc.json `envVariables`), with the
 * defaults below. Read on every invocation: it is a handful of lookups, and it keeps tests and
 * the emulator free to change the environment between calls.
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
}

export const CONFIG_DEFAULTS = {
  SESSION_TTL_SECONDS: '604800', // 7 days
  SESSION_RENEW_THRESHOLD_SECONDS: '86400', // 1 day
  MAX_SESSIONS_PER_USER: '10',
  SESSION_POLICY: 'multi',
  SESSION_CLEANUP_AFTER_DAYS: '7',
  USERS_COLLECTION: 'users',
  SESSIONS_COLLECTION: 'sessions',
} as const;

export type ConfigVariable = keyof typeof CONFIG_DEFAULTS;

type Env = Record<string, string | undefined>;

const DAY_MS = 86_400_000;
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function raw(env: Env, name: ConfigVariable): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? CONFIG_DEFAULTS[name] : value.trim();
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
  };
}
