import type { Doc } from './ejson';
import { duplicateKey, DbError } from './errors';
import { idKey, newDocumentId } from './ids';
import type { Store } from './store';

/**
 * How a collection import meets the documents already there. `insert` and `upsert` are the two
 * conflict modes of the cloud console's import (插入 / 更新插入); `replace` empties the named
 * collection first (what a seed usually wants). Other collections are never touched.
 */
export type ImportMode = 'insert' | 'upsert' | 'replace';
export const IMPORT_MODES: readonly ImportMode[] = ['insert', 'upsert', 'replace'];

export interface CollectionImport {
  name: string;
  docs: Doc[];
  /** Where each document came from (`users.json line 3`): an insert conflict names it. */
  origins?: string[];
}

export interface CollectionImportResult {
  name: string;
  inserted: number;
  updated: number;
  created: boolean;
}

/**
 * Writes every import in one SQLite transaction: a conflict in the last file leaves the first
 * collections as they were. Documents without `_id` get one, as the console import does.
 */
export function importCollections(
  store: Store,
  imports: readonly CollectionImport[],
  mode: ImportMode,
): CollectionImportResult[] {
  try {
    return store.transaction(() => imports.map((item) => importOne(store, item, mode)));
  } catch (error) {
    store.reloadRegistry(); // the rollback also undid the tables it created
    throw error;
  }
}

function importOne(store: Store, item: CollectionImport, mode: ImportMode): CollectionImportResult {
  const created = store.create(item.name);
  const table = store.table(item.name);
  if (mode === 'replace') table.clear();
  let inserted = 0;
  let updated = 0;
  item.docs.forEach((doc, index) => {
    const withId = doc._id === undefined ? { _id: newDocumentId(), ...doc } : doc;
    const key = idKey(withId._id);
    if (table.get(key) === undefined) {
      table.insert(key, withId);
      inserted++;
    } else if (mode === 'insert') {
      const where = item.origins?.[index];
      const duplicate = duplicateKey(item.name, key);
      throw where ? new DbError(duplicate.code, `${where}: ${duplicate.message}`) : duplicate;
    } else {
      table.replace(key, withId);
      updated++;
    }
  });
  return { name: item.name, inserted, updated, created };
}
