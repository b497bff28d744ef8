/**
 * Aggregate expressions that build arrays or strings, with their sizes checked before they are
 * built. About 26 `$concatArrays` stages that each double an array ran the process out of
 * memory (2^26 values), and one `$range: [0, 1e9]` would too. Each operator here evaluates its
 * arguments, charges the size of what it is about to build to the request's budget
 * (work-budget.ts), and only then runs mingo's own implementation on the evaluated values.
 */
import { evalExpr } from 'mingo/core';
import {
  $concat,
  $concatArrays,
  $range,
  $replaceAll,
  $replaceOne,
  $setUnion,
  $zip,
} from 'mingo/operators/expression';
import { invalidParam } from './errors';
import { charge } from './work-budget';

type ExpressionOperator = typeof $concatArrays;
type Options = Parameters<ExpressionOperator>[2];
// Typed by their argument shapes; called here like every other expression operator.
const concatOp = $concat as unknown as ExpressionOperator;
const zipOp = $zip as unknown as ExpressionOperator;

/** Longest string one expression may build (characters). */
export const MAX_STRING_LENGTH = 16 * 1024 * 1024;

const literal = (value: unknown) => ({ $literal: value });
const lengthOf = (value: unknown): number =>
  Array.isArray(value) || typeof value === 'string' ? value.length : 0;
const sum = (values: unknown[]): number => values.reduce<number>((n, v) => n + lengthOf(v), 0);

/** An operator over an array of arguments: evaluated once, charged, then run on literals. */
function overList(
  name: string,
  original: ExpressionOperator,
  cost: (args: unknown[]) => number,
): ExpressionOperator {
  return (obj, expr, options) => {
    const args = evalExpr(obj, expr, options as Options) as unknown;
    if (!Array.isArray(args)) return original(obj, expr, options);
    charge(cost(args), name);
    return original(obj, args.map(literal), options);
  };
}

function stringResult(name: string, length: number): void {
  if (length > MAX_STRING_LENGTH) {
    throw invalidParam(`${name} would build a string longer than ${MAX_STRING_LENGTH} characters`);
  }
  charge(Math.ceil(length / 64), name);
}

const rangeSize = ([start, end, step = 1]: unknown[]): number => {
  if (typeof start !== 'number' || typeof end !== 'number' || typeof step !== 'number') return 0;
  if (step === 0 || (end - start) / step <= 0) return 0;
  return Math.ceil((end - start) / step);
};

/** `$replaceAll`/`$replaceOne`: the result is at most the input plus every replacement. */
function replacing(name: string, original: ExpressionOperator, all: boolean): ExpressionOperator {
  return (obj, expr, options) => {
    const args = evalExpr(obj, expr, options as Options) as Record<string, unknown> | null;
    const { input, find, replacement } = args ?? {};
    if (typeof input !== 'string' || typeof find !== 'string' || typeof replacement !== 'string')
      return original(obj, expr, options);
    const times = all ? (find === '' ? input.length + 1 : input.split(find).length - 1) : 1;
    stringResult(name, input.length + times * Math.max(0, replacement.length - find.length));
    return original(
      obj,
      { input: literal(input), find: literal(find), replacement: literal(replacement) },
      options,
    );
  };
}

/** `$zip` builds one array per position of its longest input. */
const zip: ExpressionOperator = (obj, expr, options) => {
  const args = evalExpr(obj, expr, options as Options) as Record<string, unknown> | null;
  const inputs = args?.inputs;
  if (!Array.isArray(inputs)) return zipOp(obj, expr, options);
  charge(sum(inputs) + Math.max(0, ...inputs.map(lengthOf)) * inputs.length, '$zip');
  return zipOp(
    obj,
    { ...args, inputs: inputs.map(literal), defaults: literal(args?.defaults) },
    options,
  );
};

export const boundedExpressions: Record<string, ExpressionOperator> = {
  $concatArrays: overList('$concatArrays', $concatArrays, sum),
  $setUnion: overList('$setUnion', $setUnion, sum),
  $range: overList('$range', $range, rangeSize),
  $concat: (obj, expr, options) => {
    const args = evalExpr(obj, expr, options as Options) as unknown;
    if (!Array.isArray(args)) return concatOp(obj, expr, options);
    stringResult('$concat', sum(args));
    return concatOp(obj, args.map(literal), options);
  },
  $replaceAll: replacing('$replaceAll', $replaceAll, true),
  $replaceOne: replacing('$replaceOne', $replaceOne, false),
  $zip: zip,
};
