import type { Collection, Database } from './types';
import { isCollectionAlreadyExists, isCollectionMissing } from './errors';

/**
 * Runs one database operation on a collection, creating the collection if it does not exist
 * yet (a fresh production environment refuses writes to a missing collection) and retrying
 * once. A concurrent creator may win the race: only its "already exists" is ignored; any other
 * createCollection failure (permissions, quota, a fault) is the error the caller sees.
 */
export async function onCollection<T, R>(
  db: Database,
  name: string,
  operation: (collection: Collection<T>) => Promise<R>,
): Promise<R> {
  try {
    return await operation(db.collection<T>(name));
  } catch (error) {
    if (!isCollectionMissing(error)) throw error;
    await db.createCollection(name).catch((createError: unknown) => {
      if (!isCollectionAlreadyExists(createError)) throw createError;
    });
    return operation(db.collection<T>(name));
  }
}
