/**
 * Does every document a query branch can match satisfy `doc.<field> <op> <value>`?
 * true: proven; false: proven never; 'unknown': the branch does not decide it (a rule then
 * refuses, because production refuses a query that is not a subset of the rule).
 */
import type { Branch, Constraint } from './query-constraints';
import { compareKnown, order, same, type Tri } from './values';

/**
 * The value a branch fixes a field to with equality, if it does. Two different fixed values
 * (`_.and([{ f: 1 }, { f: 2 }])`) fix nothing: only an array holding both matches them, and
 * an array is neither value.
 */
export function fixedValue(branch: Branch, field: string): { value: unknown } | undefined {
  const fixes = branch
    .filter((c) => c.field === field)
    .flatMap((c) =>
      c.op === 'eq'
        ? [c.value]
        : c.op === 'in' && (c.value as unknown[]).length === 1
          ? (c.value as unknown[])
          : [],
    );
  if (fixes.length > 0) {
    return fixes.every((v) => same(v, fixes[0])) ? { value: fixes[0] } : undefined;
  }
  // A fixed embedded document fixes its fields too (`where({ a: { b: 1 } })` and rule `doc.a.b`).
  const dot = field.lastIndexOf('.');
  if (dot > 0) {
    const parent = fixedValue(branch, field.slice(0, dot));
    const holder = parent?.value;
    if (holder && typeof holder === 'object')
      return { value: (holder as Record<string, unknown>)[field.slice(dot + 1)] };
  }
  return undefined;
}

/**
 * `value in doc.<field>`: proven when the query asks for the field to hold the value, as
 * `where({ editors: '{openid}' })` (an array field matches by element) or `_.all([...])` do.
 */
export function contains(branch: Branch, field: string, value: unknown): boolean {
  return branch.some(
    (c) =>
      c.field === field &&
      ((c.op === 'eq' && !Array.isArray(c.value) && same(c.value, value)) ||
        (c.op === 'all' && (c.value as unknown[]).some((v) => same(v, value)))),
  );
}

/**
 * Each `$in` list of the field on its own. Lists are never intersected: disjoint lists are met
 * by an array holding an element of each, so their empty intersection proves nothing.
 */
function inLists(branch: Branch, field: string): unknown[][] {
  return branch.filter((c) => c.field === field && c.op === 'in').map((c) => c.value as unknown[]);
}

export function implies(branch: Branch, field: string, op: string, value: unknown): Tri {
  const fixed = fixedValue(branch, field);
  if (fixed) return compareKnown(op, fixed.value, value);
  for (const values of inLists(branch, field)) {
    const results = values.map((v) => compareKnown(op, v, value));
    if (results.every((r) => r)) return true;
    if (results.every((r) => !r)) return false;
  }
  const own = branch.filter((c) => c.field === field);
  if (op === 'in' && Array.isArray(value)) return inList(own, value);
  return byBounds(own, op, value);
}

/** `doc.f in [..]` with no fixed value: refuted only when `$nin` excludes every listed value. */
function inList(own: Constraint[], list: unknown[]): Tri {
  const excluded = (v: unknown) =>
    own.some(
      (c) =>
        (c.op === 'ne' && same(c.value, v)) ||
        (c.op === 'nin' && (c.value as unknown[]).some((w) => same(w, v))),
    );
  return list.every(excluded) ? false : 'unknown';
}

/** Range reasoning from `$gt/$gte/$lt/$lte` and exclusions from `$ne/$nin`. */
function byBounds(own: Constraint[], op: string, c: unknown): Tri {
  const above = (strictOk: (d: number, strict: boolean) => boolean) =>
    own.some(
      (k) =>
        (k.op === 'gt' || k.op === 'gte') && cmp(k.value, c, (d) => strictOk(d, k.op === 'gt')),
    );
  const below = (strictOk: (d: number, strict: boolean) => boolean) =>
    own.some(
      (k) =>
        (k.op === 'lt' || k.op === 'lte') && cmp(k.value, c, (d) => strictOk(d, k.op === 'lt')),
    );
  const excludes = own.some(
    (k) =>
      (k.op === 'ne' && same(k.value, c)) ||
      (k.op === 'nin' && (k.value as unknown[]).some((w) => same(w, c))),
  );
  // x > b (strict) or x >= b; d = b - c.
  const lowerAtLeast = above((d, strict) => d > 0 || (d === 0 && strict)); // proves x > c
  const lowerAtLeastEq = above((d) => d >= 0); // proves x >= c
  const upperAtMost = below((d, strict) => d < 0 || (d === 0 && strict)); // proves x < c
  const upperAtMostEq = below((d) => d <= 0); // proves x <= c
  switch (op) {
    case '>':
      return lowerAtLeast ? true : upperAtMostEq ? false : 'unknown';
    case '>=':
      return lowerAtLeastEq ? true : upperAtMost ? false : 'unknown';
    case '<':
      return upperAtMost ? true : lowerAtLeastEq ? false : 'unknown';
    case '<=':
      return upperAtMostEq ? true : lowerAtLeast ? false : 'unknown';
    case '==':
      return excludes || lowerAtLeast || upperAtMost ? false : 'unknown';
    case '!=':
      return excludes || lowerAtLeast || upperAtMost ? true : 'unknown';
    default:
      return 'unknown';
  }
}

function cmp(bound: unknown, c: unknown, test: (d: number) => boolean): boolean {
  const d = order(bound, c);
  return d !== undefined && test(d);
}
