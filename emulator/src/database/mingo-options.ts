// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./mingo-updater.d.ts" />
import { Context } from 'mingo';
import { Aggregator as MingoAggregator } from 'mingo/aggregator';
import * as accumulator from 'mingo/operators/accumulator';
import * as expression from 'mingo/operators/expression';
import * as pipeline from 'mingo/operators/pipeline';
import * as projection from 'mingo/operators/projection';
import * as query from 'mingo/operators/query';
import * as window from 'mingo/operators/window';
import { Query as MingoQuery } from 'mingo/query';
import { boundedExpressions } from './bounded-expressions';
import { $geoIntersects, $geoWithin, $nearSphere } from './geo';
import { $linearRegex, $regex } from './linear-regexp';
import { $emulatorSizeGuard } from './size-guard';

type Operators = NonNullable<Parameters<typeof Context.init>[0]>;
type MingoOptions = NonNullable<ConstructorParameters<typeof MingoQuery>[1]>;

/**
 * Options for every mingo call: every operator mingo has, with ours in front: the geo ones
 * (geo.ts), the linear-time regex operators (linear-regexp.ts: `$linearRegex`, which
 * request-bounds.ts rewrites regexes into, and `$regex` itself, which every other path
 * reaches), and the size-checked expressions and stage that bound what an aggregate builds
 * (bounded-expressions.ts, size-guard.ts).
 *
 * mingo's package index merges its own operators in front of any context it is given (a
 * built-in always wins), so the database uses the plain Query and Aggregator classes (Query,
 * Aggregator below) with this complete context, built once.
 */
export const queryOptions: MingoOptions = {
  // mingo types an operator family as the intersection of every built-in's signature, which no
  // function can satisfy; ours have the documented shapes.
  context: Context.init({
    accumulator,
    expression: { ...expression, ...boundedExpressions },
    pipeline: { ...pipeline, $emulatorSizeGuard },
    projection,
    query: { ...query, $nearSphere, $geoWithin, $geoIntersects, $linearRegex, $regex },
    window,
  } as unknown as Operators),
};

export { MingoAggregator as Aggregator, MingoQuery as Query };
