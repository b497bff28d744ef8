import { isPlainObject, type Doc } from './ejson';
import { DbError } from './errors';

/**
 * MongoDB (under CloudBase) refuses to store field names that start with `$` or are empty;
 * letting them in would make later queries read them as operators. Checked on every document
 * about to be written (insert, replacement, result of an update).
 */
export function assertStorable(doc: Doc, path = ''): void {
  for (const [key, value] of Object.entries(doc)) {
    const at = path ? `${path}.${key}` : key;
    if (key === '')
      throw new DbError(
        'DATABASE_REQUEST_FAILED',
        `An empty field name is not valid for storage (in '${path || '(root)'}')`,
      );
    if (key.startsWith('$')) {
      throw new DbError(
        'DATABASE_REQUEST_FAILED',
        `The dollar ($) prefixed field '${key}' in '${at}' is not valid for storage.`,
      );
    }
    if (isPlainObject(value)) assertStorable(value, at);
    else if (Array.isArray(value))
      for (const item of value) if (isPlainObject(item)) assertStorable(item, at);
  }
}
