/**
 * Regular expressions in queries run on RE2 (re2js, a pure-JS port of Google's RE2), whose
 * matching time grows linearly with the input. V8's backtracking engine can take exponential
 * time (`^(a+)+$` over 26 characters blocked the event loop for a second, ~4x per 2 more), and
 * the emulator runs every query on one thread: /healthz, the console and every function's
 * database calls would stall behind one hostile pattern.
 *
 * mingo copies every RegExp of a query into a new V8 RegExp (cloneDeep), so a RegExp subclass
 * cannot carry the safe engine through; request-bounds.ts rewrites each regex condition into
 * this module's `$linearRegex` operator instead. Patterns RE2 cannot run (backreferences,
 * lookaround) are refused with INVALID_PARAM: MongoDB's PCRE accepts them, a documented
 * difference.
 */
import { RE2JS } from 're2js';
import { invalidParam } from './errors';
import type { Doc } from './ejson';

/** Longest pattern accepted (MongoDB's PCRE limit is 32764; RE2's program size bounds it too). */
export const MAX_REGEX_PATTERN_LENGTH = 1024;
export const LINEAR_REGEX_OPERATOR = '$linearRegex';

export interface LinearRegexSpec {
  pattern: string;
  flags: string;
}

function re2Flags(flags: string): number {
  let bits = 0;
  if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) bits |= RE2JS.MULTILINE;
  if (flags.includes('s')) bits |= RE2JS.DOTALL;
  return bits;
}

/** Compiles for RE2, or throws INVALID_PARAM saying why. */
export function compileLinear({ pattern, flags }: LinearRegexSpec): RE2JS {
  if (pattern.length > MAX_REGEX_PATTERN_LENGTH) {
    throw invalidParam(`regular expression longer than ${MAX_REGEX_PATTERN_LENGTH} characters`);
  }
  try {
    // translateRegExp turns JS-only escapes (`\u4e00`, `\/`) into RE2 syntax.
    return RE2JS.compile(RE2JS.translateRegExp(pattern), re2Flags(flags));
  } catch (error) {
    throw invalidParam(
      `regular expression /${pattern}/ is not supported by the emulator's linear-time engine ` +
        `(RE2: no backreferences or lookaround): ${(error as Error).message}`,
    );
  }
}

/** Strings at `path`, looking into arrays on the way and at the end (as `$regex` does). */
function stringsAt(doc: Doc, path: string): string[] {
  let values: unknown[] = [doc];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const value of values) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
          const child = (item as Doc)[part];
          if (child !== undefined) next.push(child);
        }
      }
    }
    values = next;
  }
  return values.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => typeof v === 'string');
}

/** The `$linearRegex` query operator: `(selector, {pattern, flags}) => (doc) => boolean`. */
export const $linearRegex = (selector: string, value: unknown): ((doc: Doc) => boolean) => {
  const spec = value as LinearRegexSpec;
  const re2 = compileLinear({ pattern: String(spec?.pattern), flags: String(spec?.flags ?? '') });
  return (doc) => stringsAt(doc, selector).some((text) => re2.matcher(text).find());
};

/**
 * mingo's own `$regex` operator, replaced: a regex that reaches mingo anywhere (a `$lookup` or
 * `$facet` sub-pipeline, a projection's `$elemMatch`, an update's `$pull`) runs on RE2 too.
 */
export const $regex = (selector: string, value: unknown): ((doc: Doc) => boolean) => {
  const spec =
    value instanceof RegExp
      ? { pattern: value.source, flags: value.flags }
      : { pattern: String(value), flags: '' };
  return $linearRegex(selector, spec);
};
