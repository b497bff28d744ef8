import { isPlainObject, type Doc } from './ejson';

/** The value at a dotted path (`a.b.c`) of a document; undefined when any step is missing. */
export function valueAt(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(value)) return undefined;
    value = value[part];
  }
  return value;
}
