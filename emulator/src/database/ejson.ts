import { BSONRegExp, EJSON } from 'bson';
import { invalidParam } from './errors';

/** A document as the engine holds it: plain JS values, Date, RegExp, bson ObjectId. */
export type Doc = Record<string, unknown>;

/**
 * BSONRegExp is what bson hands back for `$regularExpression`; mingo needs a native RegExp.
 * Walks the value once and converts in place-free fashion (returns new containers).
 */
function toEngine(value: unknown): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, jsFlags(value.options));
  if (Array.isArray(value)) return value.map(toEngine);
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) out[k] = toEngine(v);
    return out;
  }
  return value;
}

/** BSON regex options may carry flags JS lacks (x, l); keep the ones both understand. */
function jsFlags(options: string): string {
  return [...options].filter((f) => 'imsu'.includes(f)).join('');
}

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Parses one EJSON string of a request (query, document, update, stage) into engine values. */
export function parseEjson(text: unknown, what: string): unknown {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an Extended JSON string`);
  let parsed: unknown;
  try {
    // relaxed: numbers come back as JS numbers, which is what an application sees anyway.
    parsed = EJSON.parse(text, { relaxed: true });
  } catch (error) {
    throw invalidParam(`${what} is not valid Extended JSON: ${(error as Error).message}`);
  }
  return needsConversion(text) ? toEngine(parsed) : parsed;
}

/** Only regular expressions need converting; skip the extra walk for the common case. */
const needsConversion = (text: string): boolean => text.includes('"$regularExpression"');

/** Like parseEjson but the result must be an object (a document, a query, an update). */
export function parseEjsonObject(text: unknown, what: string): Doc {
  const value = parseEjson(text, what);
  if (!isPlainObject(value)) throw invalidParam(`${what} must be an object`);
  return value;
}

/** Canonical Extended JSON, as list items and exports carry documents. */
export const toCanonical = (doc: unknown): string => EJSON.stringify(doc, { relaxed: false });

/**
 * Relaxed Extended JSON for the SQLite column: plain JSON numbers and strings, so that
 * json_extract() can index and compare top-level fields (see query-pushdown.ts).
 */
export const toStored = (doc: Doc): string => EJSON.stringify(doc, { relaxed: true });

export function fromStored(text: string): Doc {
  const parsed = EJSON.parse(text, { relaxed: true }) as Doc;
  return needsConversion(text) ? (toEngine(parsed) as Doc) : parsed;
}

/** Canonical EJSON lines (exports) parse back to engine values too. */
export const fromCanonical = fromStored;
