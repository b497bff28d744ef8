/** Equality and ordering as rule expressions compare values (documents hold Dates, ObjectIds). */

export type Tri = true | false | 'unknown';

function scalar(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (
    value &&
    typeof value === 'object' &&
    typeof (value as { toHexString?: unknown }).toHexString === 'function'
  ) {
    return (value as { toHexString(): string }).toHexString();
  }
  return value;
}

/** `==`: null and undefined are equal to each other (as in the rule language's JS); arrays deep. */
export function same(a: unknown, b: unknown): boolean {
  const x = scalar(a);
  const y = scalar(b);
  if (x === null || x === undefined) return y === null || y === undefined;
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((item, i) => same(item, y[i]));
  }
  if (isRecord(x) && isRecord(y)) {
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((k) => same(x[k], y[k]));
  }
  return x === y;
}

/** Ordering of two numbers or two strings (Dates as ms); anything else does not compare. */
export function order(a: unknown, b: unknown): number | undefined {
  const x = scalar(a);
  const y = scalar(b);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  return undefined;
}

export function compareKnown(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return same(a, b);
    case '!=':
      return !same(a, b);
    case 'in':
      return Array.isArray(b) ? b.some((item) => same(a, item)) : false;
    default: {
      const d = order(a, b);
      if (d === undefined) return false;
      if (op === '>') return d > 0;
      if (op === '>=') return d >= 0;
      if (op === '<') return d < 0;
      return d <= 0;
    }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export const triAnd = (a: Tri, b: Tri): Tri =>
  a === false || b === false ? false : a === true && b === true ? true : 'unknown';
export const triOr = (a: Tri, b: Tri): Tri =>
  a === true || b === true ? true : a === false && b === false ? false : 'unknown';
export const triNot = (a: Tri): Tri => (a === 'unknown' ? a : !a);
