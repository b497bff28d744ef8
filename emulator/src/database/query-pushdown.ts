import { isPlainObject, type Doc } from './ejson';
import { idKey } from './ids';

/**
 * A top-level equality predicate that SQLite can answer from an index, narrowing the rows mingo
 * then filters exactly. It only ever narrows to a superset of the true matches, so mingo's
 * verdict stays the only one that counts.
 */
export type Pushdown =
  | { kind: 'id'; key: string }
  | { kind: 'ids'; keys: string[] }
  | { kind: 'field'; field: string; value: string | number };

/** More `_id`s than this in one `$in` are scanned instead (SQLite binds one parameter each). */
const MAX_PUSHED_IDS = 500;

/** Field names that can be written into an index expression without quoting. */
const SIMPLE_FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The best predicate of a filter: `_id` first (primary key), else the first simple field. */
export function pushdownOf(filter: Doc | undefined): Pushdown | undefined {
  if (!filter) return undefined;
  const candidates = equalities(filter);
  const id = candidates.find(([field]) => field === '_id');
  if (id) return { kind: 'id', key: idKey(id[1]) };
  // `_id: _.in([...])`: e.g. a user and its account record read together on every login.
  const ids = idsIn(filter);
  if (ids) return { kind: 'ids', keys: ids.map(idKey) };
  for (const [field, value] of candidates) {
    if (!SIMPLE_FIELD.test(field)) continue;
    // JSON booleans come out of json_extract as 1/0.
    return { kind: 'field', field, value: typeof value === 'boolean' ? Number(value) : value };
  }
  return undefined;
}

/** The scalar values of a top-level `_id: {$in: [...]}` (also inside a top-level `$and`). */
function idsIn(filter: Doc): unknown[] | undefined {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) {
        const found = isPlainObject(part) ? idsIn(part) : undefined;
        if (found) return found;
      }
    }
    if (key !== '_id' || !isPlainObject(value) || Object.keys(value).length !== 1) continue;
    const list = value.$in;
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PUSHED_IDS) continue;
    if (list.every(isScalar)) return list;
  }
  return undefined;
}

type Equality = [string, Scalar];

/** `{f: v}`, `{f: {$eq: v}}` and the same inside a top-level `$and`. */
function equalities(filter: Doc): Equality[] {
  const out: Equality[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) out.push(...equalities(part));
      continue;
    }
    if (key.startsWith('$')) continue;
    const scalar = isPlainObject(value) && Object.keys(value).length === 1 ? value.$eq : value;
    if (isScalar(scalar)) out.push([key, scalar]);
  }
  return out;
}

export type Scalar = string | number | boolean;

/** A string, finite number or boolean: what both the pushdown and the matcher compare directly. */
export const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));
