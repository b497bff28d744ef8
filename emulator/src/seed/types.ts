/** The database's import types, seen from the seed step (one place to import them from). */
import type { EmulatorDatabase } from '../app/database-port';

export type { CollectionImportResult, ImportMode as ImportModeName } from '../database';
export type EmulatorDatabaseLike = Pick<EmulatorDatabase, 'importCollections' | 'ensureCollection'>;
