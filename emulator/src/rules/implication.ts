/**
 * Does every document a query branch can match satisfy `doc.<field> <op> <value>`?
 * true: proven; false: proven never; 'unknown': the branch does not decide it (a rule then
 * refuses, because production refuses a query that is not a subset of the rule).
 */
import type { Branch, Constraint } from './query-constraints';
import { compareKnown, order, same, type Tri } from './values';

/** The value a branch fixes a field to with equality, if it does. */
export function fixedValue(branch: Branch, field: string): { value: unknown } | undefined {
  const eq = branch.find((c) => c.field === field && c.op === 'eq');
  if (eq) return { value: eq.value };
  const single = branch.find(
    (c) => c.field === field && c.op === 'in' && (c.value as unknown[]).length === 1,
  );
  if (single) return { value: (single.value as unknown[])[0] };
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

/** Every possible value of the field is in this finite set (from `$in`), if the branch says so. */
function finiteValues(branch: Branch, field: string): unknown[] | undefined {
  const lists = branch
    .filter((c) => c.field === field && c.op === 'in')
    .map((c) => c.value as unknown[]);
  if (lists.length === 0) return undefined;
  return lists.reduce((acc, list) => acc.filter((v) => list.some((w) => same(v, w))));
}

export function implies(branch: Branch, field: string, op: string, value: unknown): Tri {
  const fixed = fixedValue(branch, field);
  if (fixed) return compareKnown(op, fixed.value, value);
  const values = finiteValues(branch, field);
  if (values) {
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
