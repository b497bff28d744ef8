/**
 * Configuration in code, for the server package: `configure({ sessionTtlSeconds: 3600 })`
 * instead of (or on top of) environment variables. Each option is one variable of config.ts,
 * in the same units, so the two ways can never mean different things.
 */
import { ConfigError, readConfig, setConfigOverrides } from './config';
import type { ConfigVariable, ServerConfig } from './config';

export interface ConfigOptions {
  sessionTtlSeconds?: number;
  sessionRenewThresholdSeconds?: number;
  maxSessionsPerUser?: number;
  sessionPolicy?: 'multi' | 'single';
  sessionCleanupAfterDays?: number;
  usersCollection?: string;
  sessionsCollection?: string;
  phonesCollection?: string;
  phoneBindMaxPerDay?: number;
  sessionMaxLifetimeDays?: number;
  accountDataCollections?: readonly string[];
  adminOpenids?: readonly string[];
  auditCollection?: string;
  auditRetentionDays?: number;
}

/** Exhaustive: an option without its variable fails to compile. */
const OPTION_VARIABLES: Record<keyof ConfigOptions, ConfigVariable> = {
  sessionTtlSeconds: 'SESSION_TTL_SECONDS',
  sessionRenewThresholdSeconds: 'SESSION_RENEW_THRESHOLD_SECONDS',
  maxSessionsPerUser: 'MAX_SESSIONS_PER_USER',
  sessionPolicy: 'SESSION_POLICY',
  sessionCleanupAfterDays: 'SESSION_CLEANUP_AFTER_DAYS',
  usersCollection: 'USERS_COLLECTION',
  sessionsCollection: 'SESSIONS_COLLECTION',
  phonesCollection: 'PHONES_COLLECTION',
  phoneBindMaxPerDay: 'PHONE_BIND_MAX_PER_DAY',
  sessionMaxLifetimeDays: 'SESSION_MAX_LIFETIME_DAYS',
  accountDataCollections: 'ACCOUNT_DATA_COLLECTIONS',
  adminOpenids: 'ADMIN_OPENIDS',
  auditCollection: 'AUDIT_COLLECTION',
  auditRetentionDays: 'AUDIT_RETENTION_DAYS',
};

const LIST_OPTIONS: ReadonlySet<string> = new Set(['accountDataCollections', 'adminOpenids']);

/** The variable's text for one option value, or a problem when its type is wrong. */
function asVariable(option: string, value: unknown, problems: string[]): string | undefined {
  if (LIST_OPTIONS.has(option)) {
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      return value.join(',');
    }
    problems.push(`option ${option} must be a list of strings`);
  } else if (typeof value === 'string' || typeof value === 'number') {
    return String(value);
  } else {
    problems.push(`option ${option} must be a string or a number`);
  }
  return undefined;
}

/** A problem with a value that came from an option names the option, not only its variable. */
function namingOptions(problem: string, values: Record<string, string>): string {
  for (const [option, variable] of Object.entries(OPTION_VARIABLES)) {
    if (variable in values && problem.includes(`environment variable ${variable}`)) {
      return problem.replace(`environment variable ${variable}`, `option ${option} (${variable})`);
    }
  }
  return problem;
}

let applied: Record<string, string> = {};

/**
 * Validates the options together with the environment and makes them the configuration of
 * every handler of this instance (options win over environment variables). Throws one
 * ConfigError listing every problem; on error the previous configuration stays. Call it once,
 * at load, before `exports.main = ...`.
 */
export function configure(options: ConfigOptions): ServerConfig {
  const problems: string[] = [];
  const values: Record<string, string> = {};
  for (const [option, value] of Object.entries(options)) {
    const variable = OPTION_VARIABLES[option as keyof ConfigOptions];
    if (!variable) problems.push(`unknown option ${option}`);
    else if (value !== undefined) {
      const text = asVariable(option, value, problems);
      if (text !== undefined) values[variable] = text;
    }
  }
  setConfigOverrides(values);
  try {
    const config = readConfig();
    if (problems.length === 0) {
      applied = values;
      return config;
    }
  } catch (error) {
    const found = error instanceof ConfigError ? error.problems : [String(error)];
    problems.push(...found.map((problem) => namingOptions(problem, values)));
  }
  setConfigOverrides(applied);
  throw new ConfigError(problems);
}
