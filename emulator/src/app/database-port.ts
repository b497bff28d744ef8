/**
 * The database as the server, CLI and other modules see it: the database module's own types
 * (emulator/src/database), re-exported so route modules import them from one place.
 */
export type {
  Database as EmulatorDatabase,
  DatabaseOptions as OpenDatabaseOptions,
  HandleContext as DatabaseCallContext,
} from '../database';
