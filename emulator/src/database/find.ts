import { isPlainObject, type Doc } from './ejson';
import { evaluating } from './errors';
import { idKey } from './ids';
import { valueAt } from './doc-path';
import { distanceMeters, nearOf } from './geo';
import { Query, queryOptions } from './mingo-options';
import { isScalar, pushdownOf, type Scalar } from './query-pushdown';
import type { CollectionView } from './view';

export interface FindOptions {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Doc;
}

/** A mingo matcher for a filter (empty filter matches everything). */
export function matcher(filter: Doc | undefined): (doc: Doc) => boolean {
  if (!filter || Object.keys(filter).length === 0) return () => true;
  let query: Query | undefined;
  const mingo = (doc: Doc) =>
    evaluating(() => (query ??= new Query(filter, queryOptions)).test(doc));
  const fields = scalarConditions(filter);
  if (!fields) {
    // Built now, not on the first document: a bad operator fails even on an empty collection.
    query = evaluating(() => new Query(filter, queryOptions));
    return mingo;
  }
  // The common `{ _id: 'x' }`, `{ _openid: 'o' }` and `{ _id: { $in: [...] } }` filters:
  // compared directly, mingo only where a stored value is not a primitive (an array matches
  // when it contains the value).
  return (doc) => {
    for (const [field, accepted] of fields) {
      const stored = doc[field];
      if (stored !== null && typeof stored === 'object') return mingo(doc);
      if (!accepted.includes(stored as Scalar)) return false;
    }
    return true;
  };
}

/**
 * `{ a: 'x', b: { $in: [1, 2] } }`: top-level fields, each equal to a string, finite number or
 * boolean, or `$in` a list of them; with the values each field accepts. Anything else: undefined.
 */
function scalarConditions(filter: Doc): Array<[string, Scalar[]]> | undefined {
  const fields: Array<[string, Scalar[]]> = [];
  for (const [field, value] of Object.entries(filter)) {
    if (field.startsWith('$') || field.includes('.')) return undefined;
    if (isScalar(value)) {
      fields.push([field, [value]]);
      continue;
    }
    const list = isPlainObject(value) && Object.keys(value).length === 1 ? value.$in : undefined;
    if (!Array.isArray(list) || !list.every(isScalar)) return undefined;
    fields.push([field, list]);
  }
  return fields;
}

/**
 * Documents matching `filter`, in natural order unless `order` is given. Without an order
 * the scan stops as soon as offset + limit matches are found, so a limited read of a large
 * collection does not parse every row.
 */
export function findDocuments(
  view: CollectionView,
  filter: Doc | undefined,
  opts: FindOptions,
): Doc[] {
  const test = matcher(filter);
  const offset = opts.offset ?? 0;
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const sorted = opts.order && Object.keys(opts.order).length > 0;
  const near = sorted ? undefined : nearOf(filter);
  const wanted = sorted || near ? Number.POSITIVE_INFINITY : offset + limit;
  const matches: Doc[] = [];
  for (const doc of view.scan(pushdownOf(filter))) {
    if (matches.length >= wanted) break;
    if (test(doc)) matches.push(doc);
  }
  // $nearSphere answers nearest first, as MongoDB does.
  if (near) matches.sort((a, b) => distanceTo(a) - distanceTo(b));
  function distanceTo(doc: Doc): number {
    const loc = valueAt(doc, near?.field ?? '') as { coordinates: [number, number] };
    return near ? distanceMeters(near.center, loc.coordinates) : 0;
  }
  // Natural order and whole documents: the page is a slice; no second pass through mingo.
  if (!sorted && !opts.projection) {
    return matches.slice(offset, limit === Number.POSITIVE_INFINITY ? undefined : offset + limit);
  }
  const page = evaluating(() => {
    let cursor = new Query({}, queryOptions).find(matches, opts.projection ?? {});
    if (sorted && opts.order) cursor = cursor.sort(opts.order);
    const count = limit === Number.POSITIVE_INFINITY ? matches.length : limit;
    return cursor.skip(offset).limit(count).all() as Doc[];
  });
  return opts.projection ? page.map(idFirst) : page;
}

/** mingo puts `_id` after projected fields; production keeps it first. */
function idFirst(doc: Doc): Doc {
  if (!('_id' in doc)) return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

/** Applies a projection (`{a: 1}` / `{a: 0}`) to one document. */
export function project(doc: Doc, projection: Doc | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return doc;
  return idFirst(
    evaluating(() => new Query({}, queryOptions).find([doc], projection).all()[0] as Doc),
  );
}

/**
 * The one document a DOC request (`doc(id)`) names: looked up by its key, as getDocument does,
 * so an `_id` such as `{ $in: [...] }` is an id that matches nothing, never a query.
 */
export function byExactId(view: CollectionView, id: unknown): Doc[] {
  const doc = view.get(idKey(id));
  return doc ? [doc] : [];
}
