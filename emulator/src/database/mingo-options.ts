import { Context, Query } from 'mingo';
import { $geoIntersects, $geoWithin, $nearSphere } from './geo';
import { $linearRegex } from './linear-regexp';

type QueryOps = NonNullable<NonNullable<Parameters<typeof Context.init>[0]>['query']>;
type MingoOptions = NonNullable<ConstructorParameters<typeof Query>[1]>;

/**
 * Options for every mingo call: the default operators plus the geo ones (geo.ts) and the
 * linear-time regex operator (linear-regexp.ts) that request-bounds.ts rewrites regexes into.
 */
export const queryOptions: MingoOptions = {
  // mingo types a query operator as the intersection of every built-in's signature, which no
  // function can satisfy; ours has the documented shape (selector, value) => predicate.
  context: Context.init({
    query: { $nearSphere, $geoWithin, $geoIntersects, $linearRegex } as unknown as QueryOps,
  }),
};
