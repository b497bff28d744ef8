import type { Collection, Database } from './types';
import { isCollectionMissing } from './errors';

/**
 * Runs one database operation on a collection, creating the collection if it does not exist
 * yet (a fresh production environment refuses writes to a missing collection) and retrying
 * once. A concurrent creator may win the race; its "already exists" error is ignored.
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
    await db.createCollection(name).catch(() => undefined);
    return operation(db.collection<T>(name));
  }
}
