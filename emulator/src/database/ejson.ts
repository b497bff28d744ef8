import { BSONRegExp, EJSON } from 'bson';
import { DbError, invalidParam } from './errors';
import { parseRelaxedEjson } from './ejson-parse';
import { REGEX_EXPRESSIONS, jsFlags } from './request-bounds';
import { isPlainObject } from '../shared/plain-object';

/** A document as the engine holds it: plain JS values, Date, RegExp, bson ObjectId. */
export type Doc = Record<string, unknown>;

/**
 * BSONRegExp is what bson hands back for `$regularExpression`; mingo needs a native RegExp
 * (queries then run it on the linear-time engine: request-bounds.ts). Returns new containers.
 */
function toEngine(value: unknown, lenient: boolean): unknown {
  if (value instanceof BSONRegExp) return toRegExp(value, lenient);
  if (Array.isArray(value)) return value.map((v) => toEngine(v, lenient));
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) {
      // mingo tests a regex inside a list with V8's engine, on whichever path it sits.
      if (!lenient && LIST_OPERATORS.has(k) && Array.isArray(v) && v.some(isRegex)) {
        throw invalidParam(`regular expressions inside ${k} are not supported: use $or of $regex`);
      }
      out[k] = toEngine(v, lenient);
    }
    if (!lenient) refuseRegexExpressions(out);
    return out;
  }
  return value;
}

const LIST_OPERATORS = new Set(['$in', '$nin', '$all']);
const isRegex = (value: unknown): boolean => value instanceof BSONRegExp;

/**
 * A pattern BSON accepts but JS (or RE2) does not (e.g. `[`) is refused when a request brings
 * it (parseEjson turns the throw into INVALID_PARAM); one already stored stays a BSONRegExp,
 * matching nothing, so a single bad value cannot make its whole collection unreadable.
 */
function toRegExp(value: BSONRegExp, lenient: boolean): RegExp | BSONRegExp {
  try {
    return new RegExp(value.pattern, jsFlags(value.options));
  } catch (error) {
    if (lenient) return value;
    throw error;
  }
}

/** Aggregate expressions that would compile a backtracking regex of their own. */
function refuseRegexExpressions(value: Doc): void {
  for (const key of Object.keys(value)) {
    if (REGEX_EXPRESSIONS.has(key)) {
      throw invalidParam(`${key} is not supported by the emulator (use $match with $regex)`);
    }
  }
}

// Re-exported so the database's modules keep importing it from here; defined once, in shared/.
export { isPlainObject };

/** Parses one EJSON string of a request (query, document, update, stage) into engine values. */
export function parseEjson(text: unknown, what: string): unknown {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an Extended JSON string`);
  try {
    // relaxed: numbers come back as JS numbers, which is what an application sees anyway.
    // Same result as EJSON.parse(text, { relaxed: true }), faster: ejson-parse.ts.
    const parsed: unknown = parseRelaxedEjson(text);
    return needsConversion(text) ? toEngine(parsed, false) : parsed;
  } catch (error) {
    if (error instanceof DbError) throw error;
    // Bad JSON, bad EJSON wrappers and invalid regular expressions are all the caller's input.
    throw invalidParam(`${what} is not valid Extended JSON: ${(error as Error).message}`);
  }
}

/** Only regular expressions need a walk; skip it for the common case. */
const needsConversion = (text: string): boolean =>
  /"\$(regularExpression|regex|regexMatch|regexFind|regexFindAll)"/.test(text);

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
  const parsed = parseRelaxedEjson(text) as Doc;
  return needsConversion(text) ? (toEngine(parsed, true) as Doc) : parsed;
}

/** Canonical EJSON lines (exports) parse back to engine values too. */
export const fromCanonical = fromStored;
