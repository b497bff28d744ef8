/**
 * Evaluates a parsed rule expression. `doc` is either a real document (add, and `doc(id)`
 * operations in read-then-check mode) or a query branch: then `doc.x` is a reference to a field
 * the query constrains, and comparisons on it are proven from the query (implication.ts).
 * The answer is three-valued; only `true` allows. Every comparison that did not come out true
 * leaves a note, so a refusal can say which part of the expression failed and why.
 */
import { printExpression, type Expr } from './expression';
import { contains, fixedValue, implies } from './implication';
import type { Branch } from './query-constraints';
import { compareKnown, triAnd, triNot, triOr, type Tri } from './values';

/** Distinct documents one evaluation may read with get(). */
export const MAX_GET_DOCUMENTS = 10;

export type DocBinding =
  { kind: 'document'; value: Record<string, unknown> | null } | { kind: 'query'; branch: Branch };

export interface EvalEnv {
  auth: { openid: string } | null;
  now: number;
  /** `request.data` for create and update; absent otherwise. */
  requestData?: unknown;
  doc: DocBinding;
  /** Reads `database.<collection>.<id>` for get(); null when it does not exist. */
  readDocument(collection: string, id: string): Promise<Record<string, unknown> | null>;
}

class FieldRef {
  constructor(readonly path: string) {}
}
class Unknown {
  constructor(readonly why: string) {}
}
type Val = unknown;

interface State {
  env: EvalEnv;
  notes: string[];
  fetched: Map<string, Record<string, unknown> | null>;
}

export interface Verdict {
  result: Tri;
  /** Why the result is not true: one line per failing or unproven comparison. */
  notes: string[];
}

export async function evaluateRule(expr: Expr, env: EvalEnv): Promise<Verdict> {
  const state: State = { env, notes: [], fetched: new Map() };
  const result = truth(await evaluate(expr, state));
  return { result, notes: result === true ? [] : state.notes };
}

function truth(value: Val): Tri {
  if (value instanceof Unknown || value instanceof FieldRef) return 'unknown';
  return Boolean(value);
}

async function evaluate(expr: Expr, state: State): Promise<Val> {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'array': {
      const items = await Promise.all(expr.elements.map((e) => evaluate(e, state)));
      const unknown = items.find((v) => v instanceof Unknown || v instanceof FieldRef);
      return unknown ? new Unknown('an array element is not known') : items;
    }
    case 'variable':
      return variable(expr.name, state.env);
    case 'member':
      return member(
        await evaluate(expr.object, state),
        await evaluate(expr.property, state),
        state,
      );
    case 'unary': {
      const value = await evaluate(expr.argument, state);
      if (expr.op === '!') {
        const t = triNot(truth(value));
        return t === 'unknown' ? new Unknown('negated part is not known') : t;
      }
      if (typeof value !== 'number')
        return value instanceof Unknown ? value : new Unknown('not a number');
      return expr.op === '-' ? -value : value;
    }
    case 'compare':
      return compare(expr, state);
    case 'logical': {
      const mark = state.notes.length;
      const left = truth(await evaluate(expr.left, state));
      const decided = expr.op === '&&' ? left === false : left === true;
      const result = decided
        ? left
        : (expr.op === '&&' ? triAnd : triOr)(left, truth(await evaluate(expr.right, state)));
      if (result === true) state.notes.length = mark;
      return result === 'unknown' ? new Unknown('not proven') : result;
    }
    case 'template': {
      const values = await Promise.all(expr.expressions.map((e) => evaluate(e, state)));
      if (values.some((v) => v instanceof Unknown || v instanceof FieldRef)) {
        return new Unknown(
          `${printExpression(expr)} depends on a field the query does not fix with ==`,
        );
      }
      return expr.parts
        .map((part, i) => part + (i < values.length ? String(values[i]) : ''))
        .join('');
    }
    case 'get':
      return get(expr, state);
  }
}

function variable(name: string, env: EvalEnv): Val {
  switch (name) {
    case 'auth':
      return env.auth;
    case 'now':
      return env.now;
    case 'request':
      return env.requestData === undefined ? {} : { data: env.requestData };
    case 'resource': // storage rules bind the judged file as the document
    default:
      return env.doc.kind === 'document' ? env.doc.value : new FieldRef('');
  }
}

function member(object: Val, property: Val, state: State): Val {
  if (object instanceof Unknown) return object;
  if (property instanceof Unknown || property instanceof FieldRef)
    return new Unknown('a computed property is not known');
  const key = String(property);
  if (object instanceof FieldRef) {
    const path = object.path ? `${object.path}.${key}` : key;
    if (state.env.doc.kind === 'query') {
      const fixed = fixedValue(state.env.doc.branch, path);
      if (fixed) return fixed.value;
    }
    return new FieldRef(path);
  }
  if (object === null || typeof object !== 'object') return undefined;
  // Own properties only: `doc.constructor` or `auth.__proto__` must not reach Object's internals.
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

const FLIPPED: Record<string, string> = {
  '==': '==',
  '!=': '!=',
  '>': '<',
  '>=': '<=',
  '<': '>',
  '<=': '>=',
};

/** `doc.a.b` as the path `a.b` (undefined for anything else). */
function docPath(expr: Expr): string | undefined {
  if (expr.type === 'variable') return expr.name === 'doc' ? '' : undefined;
  if (expr.type !== 'member' || expr.property.type !== 'literal') return undefined;
  const parent = docPath(expr.object);
  if (parent === undefined) return undefined;
  const key = String(expr.property.value);
  return parent ? `${parent}.${key}` : key;
}

async function compare(expr: Extract<Expr, { type: 'compare' }>, state: State): Promise<Val> {
  const path = expr.op === 'in' ? docPath(expr.right) : undefined;
  if (path && state.env.doc.kind === 'query') {
    // `auth.openid in doc.editors`: proven by a query asking the array to hold the value.
    const needle = await evaluate(expr.left, state);
    const known = !(needle instanceof Unknown || needle instanceof FieldRef);
    if (known && contains(state.env.doc.branch, path, needle)) return true;
  }
  const left = await evaluate(expr.left, state);
  const right = await evaluate(expr.right, state);
  const text = printExpression(expr);
  let result: Tri;
  let why = 'false';
  if (left instanceof Unknown || right instanceof Unknown) {
    result = 'unknown';
    why = (left instanceof Unknown ? left : (right as Unknown)).why;
  } else if (left instanceof FieldRef || right instanceof FieldRef) {
    const [field, op, value] =
      left instanceof FieldRef
        ? [left, expr.op, right]
        : [right as FieldRef, FLIPPED[expr.op], left];
    if (value instanceof FieldRef || op === undefined) {
      result = 'unknown';
      why = 'compares two document fields or tests membership in one, which a query cannot prove';
    } else {
      result =
        state.env.doc.kind === 'query'
          ? implies(state.env.doc.branch, field.path, op, value)
          : 'unknown';
      why =
        result === false
          ? `the query excludes it (field ${field.path})`
          : `the query does not fix or bound ${field.path}`;
    }
  } else {
    result = compareKnown(expr.op, left, right);
  }
  if (result !== true) state.notes.push(`${text}: ${why}`);
  return result === 'unknown' ? new Unknown(why) : result;
}

async function get(expr: Extract<Expr, { type: 'get' }>, state: State): Promise<Val> {
  const path = await evaluate(expr.path, state);
  if (path instanceof Unknown || path instanceof FieldRef) {
    return new Unknown(
      path instanceof Unknown ? path.why : 'get() path depends on an unfixed field',
    );
  }
  const match = typeof path === 'string' ? /^database\.([^.]+)\.(.+)$/.exec(path) : null;
  if (!match)
    return new Unknown(`get() path ${JSON.stringify(path)} is not database.<collection>.<id>`);
  const key = `${match[1]}\u0000${match[2]}`;
  if (!state.fetched.has(key)) {
    if (state.fetched.size >= MAX_GET_DOCUMENTS) {
      return new Unknown(`get() read more than ${MAX_GET_DOCUMENTS} documents`);
    }
    state.fetched.set(key, await state.env.readDocument(match[1] as string, match[2] as string));
  }
  return state.fetched.get(key) ?? null;
}
