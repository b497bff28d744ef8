import type { Collection, Database } from './types';
import { isCollectionAlreadyExists, isCollectionMissing } from './errors';

/**
 * The collections this deployment uses (set once per invocation from the configuration). On an
 * empty environment the first missing one makes them all be created at once, in parallel: a
 * cold first login would otherwise pay a create-and-retry round for each collection in turn
 * (users, audit, sessions), which no longer fits the function's timeout at the SDK's request
 * timeout (test/functions/cold-login-budget.test.ts).
 */
let known: readonly string[] = [];

export function setKnownCollections(names: readonly string[]): void {
  known = names;
}

async function create(db: Database, name: string): Promise<void> {
  await db.createCollection(name).catch((createError: unknown) => {
    if (!isCollectionAlreadyExists(createError)) throw createError;
  });
}

/**
 * Runs one database operation on a collection, creating the collection if it does not exist
 * yet (a fresh production environment refuses writes to a missing collection) and retrying
 * once. A concurrent creator may win the race: only its "already exists" is ignored; any other
 * createCollection failure (permissions, quota, a fault) of the collection itself is the error
 * the caller sees (the others are created best effort: each retries on its own first use).
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
    const others = known.filter((other) => other !== name);
    await Promise.all([
      create(db, name),
      ...others.map((other) => create(db, other).catch(() => undefined)),
    ]);
    return operation(db.collection<T>(name));
  }
}
