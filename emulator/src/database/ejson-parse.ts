import { EJSON, ObjectId } from 'bson';

/**
 * Why this exists: bson's `EJSON.parse(text, { relaxed: true })` is `JSON.parse(text, reviver)`
 * whose reviver runs `deserializeValue` on every value; on the login path that reviver was most
 * of the database's parsing time (issue 17). Here the text goes through a plain `JSON.parse`,
 * then one walk hands each object holding a type-wrapper key (the only values deserializeValue
 * changes in relaxed mode) to bson itself, so the result must be, and is property-tested to be
 * (test/emulator/database/ejson-parse.property.test.ts), exactly bson 6's relaxed result.
 *
 * What that relies on, read from bson's `parse` / `deserializeValue`:
 * - relaxed mode returns numbers, strings, booleans, null and arrays unchanged, and an object
 *   without an own key from WRAPPER_KEYS unchanged (every test there is on one of them);
 * - an object with such a key is revived together with its subtree: we re-serialize that subtree
 *   and give it to `EJSON.parse`. JSON.stringify of what JSON.parse built round-trips except
 *   -0 and ±Infinity (from e.g. `1e400`), so a subtree holding one makes us use bson for the
 *   whole text;
 * - bson refuses keys with a null byte; a text that could hold one (`\u0000`) goes to bson;
 * - any error here (bad JSON, bad wrapper, deep nesting) re-runs bson on the whole text, so
 *   errors are bson's own, with its messages.
 */
export function parseRelaxedEjson(text: string): unknown {
  if (text.includes('\\u0000')) return bsonParse(text);
  try {
    return revive(JSON.parse(text) as unknown);
  } catch {
    return bsonParse(text);
  }
}

const bsonParse = (text: string): unknown => EJSON.parse(text, { relaxed: true });

/**
 * Every key deserializeValue (bson 6) looks at: its codec table (`keysToCodecs`), then `$undefined`,
 * `$date`, `$code`, the DBRef-like `$ref`/`$id`/`$db` and `$dbPointer`. An object with none of them
 * (a document, or a query/update with operators such as `$set`, `$in`) comes back unchanged.
 */
const WRAPPER_KEYS = new Set(
  `$oid $binary $uuid $symbol $numberInt $numberDecimal $numberDouble $numberLong $minKey $maxKey
   $regex $regularExpression $timestamp $undefined $date $code $ref $id $db $dbPointer`.split(
    /\s+/,
  ),
);

/** Thrown when a subtree would not survive JSON.stringify unchanged; caught above. */
class NeedsBson extends Error {}

/** Revives `value` (fresh from JSON.parse, so mutated in place) and returns the result. */
function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object') value[i] = revive(v);
    }
    return value;
  }
  const obj = value as Record<string, unknown>;
  for (const key in obj)
    if (key.charCodeAt(0) === 36 /* $ */ && WRAPPER_KEYS.has(key)) return wrapper(obj);
  for (const key in obj) {
    const v = obj[key];
    if (v === null || typeof v !== 'object') continue;
    const revived = revive(v);
    // Even for "__proto__" this sets the own data property JSON.parse created, not the prototype.
    if (revived !== v) obj[key] = revived;
  }
  return obj;
}

/** An object with a wrapper key: the one-key wrappers requests and documents carry, the rest via bson. */
function wrapper(obj: Record<string, unknown>): unknown {
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const value = oneKeyWrapper(keys[0], obj[keys[0]]);
    if (value !== NOT_HERE) return value;
  }
  refuseLossy(obj);
  return bsonParse(JSON.stringify(obj));
}

const NOT_HERE = Symbol('not handled here');
/** Up to 15 digits: Long.fromString(s).toNumber() is exactly Number(s); bson's own format rule. */
const SMALL_LONG = /^(0|-?[1-9][0-9]{0,14})$/;

/**
 * bson's relaxed result for `{ key: v }`, as its codecs' fromExtendedJSON compute it (canonical
 * numbers from wx-server-sdk are all `$numberInt`/`$numberLong`/`$numberDouble`), or NOT_HERE.
 */
function oneKeyWrapper(key: string, v: unknown): unknown {
  if (typeof v === 'string') {
    if (key === '$date') return new Date(Date.parse(v));
    if (key === '$oid') return new ObjectId(v);
    if (key === '$numberInt') return parseInt(v, 10);
    if (key === '$numberDouble') return parseFloat(v);
    if (key === '$numberLong' && SMALL_LONG.test(v)) return Number(v);
    return NOT_HERE;
  }
  if (key !== '$date') return NOT_HERE;
  // Relaxed numbers: setTime(v), the same TimeClip as new Date(v).
  if (typeof v === 'number') return new Date(v);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return NOT_HERE;
  // bson revives the inner value first: canonical dates are {"$date":{"$numberLong":"…"}}.
  const inner = revive(v);
  if (typeof inner === 'number') return new Date(inner);
  throw new NeedsBson(); // v was revived in place: let bson redo the whole text
}

/** -0 and non-finite numbers do not round-trip through JSON.stringify. */
function refuseLossy(value: unknown): void {
  if (typeof value === 'number') {
    if (value === 0 ? Object.is(value, -0) : !Number.isFinite(value)) throw new NeedsBson();
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) for (const v of value) refuseLossy(v);
  else for (const key in value) refuseLossy((value as Record<string, unknown>)[key]);
}
