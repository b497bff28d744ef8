/**
 * Bounds on the work one request can ask for. Each limit is a named constant; where
 * production documents one, the comment says which. Queries pass through boundQuery before
 * mingo sees them: regex conditions become the linear-time `$linearRegex` operator.
 */
import { invalidParam } from './errors';
import { compileLinear, LINEAR_REGEX_OPERATOR, type LinearRegexSpec } from './linear-regexp';
import { isPlainObject } from '../shared/plain-object';

/**
 * Entries in one `$in`/`$nin`/`$all` list. A 300,000-entry `$in` made each document compare
 * against every entry; 10,000 is far above any real key list (query by page instead).
 */
export const MAX_IN_LIST = 10_000;
/** Stages in one aggregate pipeline (MongoDB allows 1000 stages per pipeline). */
export const MAX_AGGREGATE_STAGES = 1000;
/** Documents one aggregate may return (an unbounded $lookup/$unwind could build millions). */
export const MAX_AGGREGATE_OUTPUT = 10_000;

const LIST_OPERATORS = new Set(['$in', '$nin', '$all']);
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor']);
/** Aggregate expressions that compile their own (backtracking) regex: refused. */
export const REGEX_EXPRESSIONS = new Set(['$regexMatch', '$regexFind', '$regexFindAll']);

/** A BSON regex option string as JS flags (BSON's x and l have no JS equivalent). */
export function jsFlags(options: string): string {
  return [...options].filter((f) => 'imsu'.includes(f)).join('');
}

function linear(spec: LinearRegexSpec): Record<string, LinearRegexSpec> {
  compileLinear(spec); // refuses what RE2 cannot run, before any document is read
  return { [LINEAR_REGEX_OPERATOR]: spec };
}

function specOf(source: unknown, options: unknown): LinearRegexSpec {
  const flags = typeof options === 'string' ? jsFlags(options) : '';
  if (source instanceof RegExp) return { pattern: source.source, flags: flags || source.flags };
  if (typeof source !== 'string') {
    throw invalidParam('$regex must be a string or a regular expression');
  }
  return { pattern: source, flags };
}

/** One field's condition: a value, a RegExp, or an operator object. */
function boundCondition(condition: unknown): unknown {
  if (condition instanceof RegExp) return linear(specOf(condition, undefined));
  if (!isPlainObject(condition) || !Object.keys(condition).some((k) => k.startsWith('$'))) {
    return condition;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(condition)) {
    if (key === '$regex') Object.assign(out, linear(specOf(value, condition.$options)));
    else if (key === '$options') continue;
    else if (key === '$not') out.$not = boundCondition(value);
    else if (key === '$elemMatch') out.$elemMatch = boundElemMatch(value);
    else if (LIST_OPERATORS.has(key)) out[key] = boundList(key, value);
    else out[key] = value;
  }
  return out;
}

function boundList(operator: string, list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  if (list.length > MAX_IN_LIST) {
    throw invalidParam(`${operator} may hold at most ${MAX_IN_LIST} values (got ${list.length})`);
  }
  if (list.some((item) => item instanceof RegExp)) {
    throw invalidParam(
      `regular expressions inside ${operator} are not supported: use $or of $regex`,
    );
  }
  return list.map((item) => (isPlainObject(item) ? boundQuery(item) : item));
}

/** `$elemMatch` takes a query (object elements) or conditions (scalar elements). */
function boundElemMatch(value: unknown): unknown {
  if (value instanceof RegExp) return boundCondition(value);
  if (!isPlainObject(value)) return value;
  const conditions = Object.keys(value).some((k) => k.startsWith('$') && !LOGICAL_OPERATORS.has(k));
  return conditions ? boundCondition(value) : boundQuery(value);
}

/** A query (`where`, `$match`) with every regex on the linear engine and lists capped. */
export function boundQuery(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (LOGICAL_OPERATORS.has(key) && Array.isArray(value)) {
      out[key] = value.map((part) => (isPlainObject(part) ? boundQuery(part) : part));
    } else if (key.startsWith('$')) {
      out[key] = value;
    } else {
      out[key] = boundCondition(value);
    }
  }
  return out;
}
