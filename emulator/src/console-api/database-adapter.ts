import type { EmulatorDatabase } from '../server/database-port';
import type { ConsoleDatabase } from './deps';

const NEEDED = [
  'handle',
  'listCollections',
  'dropCollection',
  'reset',
  'exportTo',
  'importFrom',
  'setFaults',
  'getFaults',
  'stats',
  'resetStats',
] as const;

/**
 * The server's database port only names what the server itself uses; the real Database offers
 * the console's methods too. Checked once at start so a missing method fails loudly, not per call.
 */
export function consoleDatabase(database: EmulatorDatabase): ConsoleDatabase {
  const missing = NEEDED.filter(
    (name) => typeof (database as unknown as Record<string, unknown>)[name] !== 'function',
  );
  if (missing.length > 0) {
    throw new Error(`console API: the database lacks ${missing.join(', ')}`);
  }
  return database as unknown as ConsoleDatabase;
}
