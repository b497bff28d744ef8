/**
 * Rule expressions parsed into a tree, never run as code (no eval, Function or vm).
 *
 * jsep (a small, dependency-free, well-maintained JavaScript expression parser) does the
 * tokenising and precedence; its tree is then checked against the rule language production
 * accepts and converted into our own closed node type: literals, arrays, the variables `auth`,
 * `doc`, `request`, `now`, member access, `! + -`, `== != > >= < <= in`, `&& ||`, template
 * strings and `get()`. Anything else (assignment, `*`, ternaries, other calls, regex) is a
 * RuleSyntaxError naming what was found.
 */
import jsep from 'jsep';
import jsepTemplate from '@jsep-plugin/template';

/** Production refuses a rule expression longer than this. */
export const MAX_EXPRESSION_LENGTH = 1024;
/** get() calls allowed in one expression, and how deeply they may nest. */
export const MAX_GET_CALLS = 3;
export const MAX_GET_DEPTH = 2;

export type ComparisonOp = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in';
/** `resource` only in storage rules (storage-rule.ts passes the variables it allows). */
export type Variable = 'auth' | 'doc' | 'request' | 'now' | 'resource';

export type Expr =
  | { type: 'literal'; value: string | number | boolean | null | undefined }
  | { type: 'array'; elements: Expr[] }
  | { type: 'variable'; name: Variable }
  | { type: 'member'; object: Expr; property: Expr }
  | { type: 'unary'; op: '!' | '-' | '+'; argument: Expr }
  | { type: 'compare'; op: ComparisonOp; left: Expr; right: Expr }
  | { type: 'logical'; op: '&&' | '||'; left: Expr; right: Expr }
  | { type: 'template'; parts: string[]; expressions: Expr[] }
  | { type: 'get'; path: Expr };

export class RuleSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSyntaxError';
  }
}

// jsep is configured once for the rule language: `in` is a relational operator there.
jsep.plugins.register(jsepTemplate);
jsep.addBinaryOp('in', 7);

const COMPARISONS = new Set<string>(['==', '!=', '>', '>=', '<', '<=', 'in']);
const VARIABLES: ReadonlySet<Variable> = new Set<Variable>(['auth', 'doc', 'request', 'now']);

interface JsepNode {
  type: string;
  [key: string]: unknown;
}

interface ParseState {
  gets: number;
  variables: ReadonlySet<Variable>;
}

/** Parses one rule expression; throws RuleSyntaxError for anything production would refuse. */
export function parseExpression(
  source: string,
  variables: ReadonlySet<Variable> = VARIABLES,
): Expr {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new RuleSyntaxError(
      `expression is ${source.length} characters, more than ${MAX_EXPRESSION_LENGTH}`,
    );
  }
  let tree: JsepNode;
  try {
    tree = jsep(source) as unknown as JsepNode;
  } catch (error) {
    throw new RuleSyntaxError((error as Error).message);
  }
  const state: ParseState = { gets: 0, variables };
  const expr = convert(tree, state, 0);
  if (state.gets > MAX_GET_CALLS) {
    throw new RuleSyntaxError(`${state.gets} get() calls, more than ${MAX_GET_CALLS}`);
  }
  return expr;
}

function convert(node: JsepNode, state: ParseState, getDepth: number): Expr {
  const child = (n: unknown, depth = getDepth) => convert(n as JsepNode, state, depth);
  switch (node.type) {
    case 'Literal': {
      const value = node.value;
      if (value instanceof RegExp) throw new RuleSyntaxError('regular expressions are not allowed');
      return { type: 'literal', value: value as string | number | boolean | null };
    }
    case 'ArrayExpression':
      return { type: 'array', elements: (node.elements as JsepNode[]).map((e) => child(e)) };
    case 'Identifier': {
      const name = node.name as string;
      if (name === 'undefined') return { type: 'literal', value: undefined };
      if (state.variables.has(name as Variable))
        return { type: 'variable', name: name as Variable };
      throw new RuleSyntaxError(`unknown variable "${name}"`);
    }
    case 'MemberExpression': {
      const property = node.computed
        ? child(node.property)
        : { type: 'literal' as const, value: (node.property as { name: string }).name };
      return { type: 'member', object: child(node.object), property };
    }
    case 'UnaryExpression': {
      const op = node.operator as string;
      if (op !== '!' && op !== '-' && op !== '+') {
        throw new RuleSyntaxError(`operator "${op}" is not allowed`);
      }
      return { type: 'unary', op, argument: child(node.argument) };
    }
    case 'BinaryExpression': {
      const op = node.operator as string;
      if (op === '&&' || op === '||') {
        return { type: 'logical', op, left: child(node.left), right: child(node.right) };
      }
      if (!COMPARISONS.has(op)) throw new RuleSyntaxError(`operator "${op}" is not allowed`);
      return {
        type: 'compare',
        op: op as ComparisonOp,
        left: child(node.left),
        right: child(node.right),
      };
    }
    case 'TemplateLiteral': {
      const quasis = node.quasis as { value: { cooked: string } }[];
      return {
        type: 'template',
        parts: quasis.map((q) => q.value.cooked),
        expressions: (node.expressions as JsepNode[]).map((e) => child(e)),
      };
    }
    case 'CallExpression':
      return convertGet(node, state, getDepth);
    default:
      throw new RuleSyntaxError(`${describeJsepType(node.type)} is not allowed`);
  }
}

function convertGet(node: JsepNode, state: ParseState, getDepth: number): Expr {
  const callee = node.callee as JsepNode;
  if (callee.type !== 'Identifier' || callee.name !== 'get') {
    throw new RuleSyntaxError('the only function a rule may call is get()');
  }
  const args = node.arguments as JsepNode[];
  if (args.length !== 1) throw new RuleSyntaxError('get() takes exactly one path');
  if (getDepth + 1 > MAX_GET_DEPTH) {
    throw new RuleSyntaxError(`get() nested more than ${MAX_GET_DEPTH} deep`);
  }
  state.gets += 1;
  return { type: 'get', path: convert(args[0] as JsepNode, state, getDepth + 1) };
}

function describeJsepType(type: string): string {
  const names: Record<string, string> = {
    Compound: 'more than one expression',
    ConditionalExpression: 'the ?: operator',
    ThisExpression: '"this"',
    SequenceExpression: 'the comma operator',
  };
  return names[type] ?? `a ${type}`;
}

/** The expression written back as text, for denial reasons and the console. */
export function printExpression(expr: Expr): string {
  switch (expr.type) {
    case 'literal':
      return expr.value === undefined ? 'undefined' : JSON.stringify(expr.value);
    case 'array':
      return `[${expr.elements.map(printExpression).join(', ')}]`;
    case 'variable':
      return expr.name;
    case 'member': {
      const p = expr.property;
      const dotted =
        p.type === 'literal' && typeof p.value === 'string' && /^[A-Za-z_$][\w$]*$/.test(p.value);
      const object = printExpression(expr.object);
      return dotted ? `${object}.${String(p.value)}` : `${object}[${printExpression(p)}]`;
    }
    case 'unary':
      return `${expr.op}${printExpression(expr.argument)}`;
    case 'compare':
    case 'logical':
      return `${printExpression(expr.left)} ${expr.op} ${printExpression(expr.right)}`;
    case 'template':
      return `\`${expr.parts
        .map((part, i) =>
          i < expr.expressions.length
            ? `${part}\${${printExpression(expr.expressions[i] as Expr)}}`
            : part,
        )
        .join('')}\``;
    case 'get':
      return `get(${printExpression(expr.path)})`;
  }
}
