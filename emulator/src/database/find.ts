import { Query, find } from 'mingo';
import type { Doc } from './ejson';
import { evaluating } from './errors';
import { distanceMeters, nearOf, queryOptions, valueAt } from './geo';
import { pushdownOf } from './query-pushdown';
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
  const query = evaluating(() => new Query(filter, queryOptions));
  return (doc) => evaluating(() => query.test(doc));
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
  const page = evaluating(() => {
    let cursor = find(matches, {}, opts.projection ?? {}, queryOptions);
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
  return idFirst(evaluating(() => find([doc], {}, projection, queryOptions).all()[0] as Doc));
}
