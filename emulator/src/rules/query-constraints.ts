/**
 * A client query as constraints on document fields, so a rule can be judged against the query
 * instead of against stored data ("rules validate, they do not filter"). The query becomes a
 * list of branches (its `$or`s expanded); each branch is the conjunction of simple constraints
 * on fields. Conditions we do not model (regex, `$elemMatch`, `$nor`, geo…) are left out of a
 * branch: leaving out a conjunct only widens it, so a proof from the rest stays sound.
 */
import { isRecord } from './values';

export type ConstraintOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'all';
export interface Constraint {
  field: string;
  op: ConstraintOp;
  value: unknown;
}
export type Branch = Constraint[];

/** A query with more `$or` branches than this is refused rather than judged. */
export const MAX_BRANCHES = 256;
const MAX_DEPTH = 32;

export class QueryTooComplexError extends Error {}

const OPS: Record<string, ConstraintOp> = {
  $eq: 'eq',
  $ne: 'ne',
  $neq: 'ne',
  $gt: 'gt',
  $gte: 'gte',
  $lt: 'lt',
  $lte: 'lte',
  $in: 'in',
  $nin: 'nin',
  // `_.all([...])`: the field is an array holding every listed value.
  $all: 'all',
};

/** The branches of a query (one empty branch for no query: it constrains nothing). */
export function branchesOf(query: Record<string, unknown> | undefined): Branch[] {
  return query ? ofObject(query, '', 0) : [[]];
}

function product(a: Branch[], b: Branch[]): Branch[] {
  if (a.length * b.length > MAX_BRANCHES)
    throw new QueryTooComplexError(`more than ${MAX_BRANCHES} $or branches`);
  return a.flatMap((x) => b.map((y) => [...x, ...y]));
}

function union(lists: Branch[][]): Branch[] {
  const all = lists.flat();
  if (all.length > MAX_BRANCHES)
    throw new QueryTooComplexError(`more than ${MAX_BRANCHES} $or branches`);
  return all;
}

function subqueries(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function ofObject(query: Record<string, unknown>, prefix: string, depth: number): Branch[] {
  if (depth > MAX_DEPTH) throw new QueryTooComplexError(`nested more than ${MAX_DEPTH} deep`);
  let branches: Branch[] = [[]];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and') {
      for (const sub of subqueries(value))
        branches = product(branches, ofObject(sub, prefix, depth + 1));
    } else if (key === '$or') {
      const subs = subqueries(value);
      // `$or: []` matches nothing in Mongo; treat it as constraining nothing (still sound).
      if (subs.length > 0)
        branches = product(branches, union(subs.map((s) => ofObject(s, prefix, depth + 1))));
    } else if (!key.startsWith('$')) {
      branches = product(branches, ofField(`${prefix}${key}`, value, depth + 1));
    }
    // Other top-level operators ($nor, $expr, $where-like) only narrow: left out.
  }
  return branches;
}

function ofField(field: string, value: unknown, depth: number): Branch[] {
  if (!isRecord(value)) {
    if (isRegex(value)) return [[]];
    return [[{ field, op: 'eq', value }]];
  }
  const keys = Object.keys(value);
  const operators = keys.filter((k) => k.startsWith('$'));
  if (operators.length === 0) {
    // An embedded document: equal as a whole, so each of its fields is equal too.
    return product([[{ field, op: 'eq', value }]], ofObject(value, `${field}.`, depth));
  }
  let branches: Branch[] = [[]];
  for (const key of operators) {
    const operand = value[key];
    if (key === '$and' || key === '$or') {
      // Field-level logic (`_.gt(1).and(_.lt(5))`): the same as query-level over this field.
      const subs = subqueries(operand).map((sub) => ({ [field]: sub }));
      branches = product(branches, ofObject({ [key]: subs }, '', depth + 1));
      continue;
    }
    const op = OPS[key];
    if (key === '$exists' && operand === false) {
      branches = product(branches, [[{ field, op: 'eq', value: undefined }]]);
    } else if (op && (['in', 'nin', 'all'].includes(op) ? Array.isArray(operand) : true)) {
      branches = product(branches, [[{ field, op, value: operand }]]);
    }
  }
  return branches;
}

function isRegex(value: unknown): boolean {
  return (
    value instanceof RegExp ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { _bsontype?: string })._bsontype === 'BSONRegExp')
  );
}
