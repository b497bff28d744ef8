import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTION_NAME } from '../database';
import { isPlainObject } from '../shared/plain-object';

/**
 * `databases: [{ collectionName, aclTag }]` of cloudbaserc.json: the collections `tcb` creates on
 * deploy. Read here, not in config/, because only the seed step uses it; a project without the
 * file or the field lists none. Bad entries are reported, not guessed at.
 */
export function listedCollections(projectDir: string): { names: string[]; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(projectDir, 'cloudbaserc.json'), 'utf8'));
  } catch {
    return { names: [], problems: [] }; // config/ reports an unreadable cloudbaserc.json
  }
  const list = isPlainObject(raw) ? raw.databases : undefined;
  if (list === undefined) return { names: [], problems: [] };
  if (!Array.isArray(list)) return { names: [], problems: ['databases must be an array'] };
  const names: string[] = [];
  const problems: string[] = [];
  list.forEach((entry: unknown, index) => {
    const name = isPlainObject(entry) ? entry.collectionName : undefined;
    if (typeof name === 'string' && COLLECTION_NAME.test(name)) names.push(name);
    else problems.push(`databases[${index}].collectionName is not a collection name`);
  });
  return { names, problems };
}
