/**
 * Cloud storage security rules as CloudBase has them: one rule for the whole bucket, either a
 * preset (the console's basic permissions) or `{ read, write }`, each `true`, `false` or an
 * expression over `auth` (the caller: `{ openid }` from the mini program) and `resource` (the
 * file: `{ openid, path }`). `read` judges temp URLs (downloads); `write` judges uploads,
 * overwrites and deletes. Absent keys are false. Expressions are parsed and evaluated by the
 * database rules engine (rules/expression.ts, rules/evaluate.ts); only the variables differ.
 */
import { parseExpression, printExpression, RuleSyntaxError, type Expr } from '../rules/expression';
import { evaluateRule } from '../rules/evaluate';

export const STORAGE_PRESETS = ['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY'] as const;
export type StoragePreset = (typeof STORAGE_PRESETS)[number];
export type StorageOperation = 'read' | 'write';

type RuleValue =
  { kind: 'constant'; value: boolean } | { kind: 'expression'; source: string; expr: Expr };

export interface StorageRule {
  /** The preset named in the file, or undefined for a custom rule. */
  preset?: StoragePreset;
  read: RuleValue;
  write: RuleValue;
}

/** The file being read or written, as the rule sees it. */
export interface StorageResource {
  /** Uploader's OPENID; "" for a file written by a function or admin (no client owner). */
  openid: string;
  path: string;
}

export class StorageRuleError extends Error {
  override name = 'StorageRuleError';
}

const OWNER = 'resource.openid == auth.openid';

/** What each preset means, as the CloudBase docs spell it with a custom rule. */
const PRESET_RULES: Record<StoragePreset, { read: boolean | string; write: boolean | string }> = {
  READONLY: { read: true, write: OWNER },
  PRIVATE: { read: OWNER, write: OWNER },
  ADMINWRITE: { read: true, write: false },
  ADMINONLY: { read: false, write: false },
};

/** A new CloudBase environment's storage: 所有用户可读，仅创建者及管理员可写. */
export const DEFAULT_STORAGE_PRESET: StoragePreset = 'READONLY';

const VARIABLES = new Set(['auth', 'resource'] as const);

function usesGet(expr: Expr): boolean {
  switch (expr.type) {
    case 'get':
      return true;
    case 'array':
      return expr.elements.some(usesGet);
    case 'member':
      return usesGet(expr.object) || usesGet(expr.property);
    case 'unary':
      return usesGet(expr.argument);
    case 'compare':
    case 'logical':
      return usesGet(expr.left) || usesGet(expr.right);
    case 'template':
      return expr.expressions.some(usesGet);
    default:
      return false;
  }
}

function compileValue(key: string, raw: unknown): RuleValue {
  if (raw === undefined) return { kind: 'constant', value: false };
  if (typeof raw === 'boolean') return { kind: 'constant', value: raw };
  if (typeof raw !== 'string') {
    throw new StorageRuleError(`"${key}" must be true, false or an expression string`);
  }
  let expr: Expr;
  try {
    expr = parseExpression(raw, VARIABLES);
  } catch (error) {
    if (error instanceof RuleSyntaxError) throw new StorageRuleError(`"${key}": ${error.message}`);
    throw error;
  }
  // Storage rules name only auth and resource; they read no database document.
  if (usesGet(expr))
    throw new StorageRuleError(`"${key}": get() is not available in storage rules`);
  return { kind: 'expression', source: raw, expr };
}

/** A rule from the file's JSON: a preset name or `{ read, write }` (plus our "$comment"). */
export function compileStorageRule(value: unknown): StorageRule {
  if (typeof value === 'string') {
    if (!(STORAGE_PRESETS as readonly string[]).includes(value)) {
      throw new StorageRuleError(
        `unknown preset "${value}" (use one of ${STORAGE_PRESETS.join(', ')} or { "read", "write" })`,
      );
    }
    const preset = value as StoragePreset;
    return { preset, ...compileStorageRule(PRESET_RULES[preset]) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StorageRuleError('a storage rule must be a preset name or { "read", "write" }');
  }
  const body = value as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (key !== 'read' && key !== 'write' && key !== '$comment') {
      throw new StorageRuleError(`unknown key "${key}" (a storage rule has only read and write)`);
    }
  }
  return { read: compileValue('read', body.read), write: compileValue('write', body.write) };
}

/** The rule as JSON: the preset name, or `{ read, write }` as deploy sends it. */
export function storageRuleToJson(rule: StorageRule): string | Record<string, boolean | string> {
  if (rule.preset) return rule.preset;
  const json = (value: RuleValue) => (value.kind === 'constant' ? value.value : value.source);
  return { read: json(rule.read), write: json(rule.write) };
}

export interface StorageVerdict {
  allowed: boolean;
  /** Why, in one line: the key and expression that decided, and what failed. */
  reason: string;
}

/** Judges one client request: `openid` asks to `operation` on `resource`. */
export async function judgeStorage(
  rule: StorageRule,
  operation: StorageOperation,
  openid: string,
  resource: StorageResource,
): Promise<StorageVerdict> {
  const value = rule[operation];
  if (value.kind === 'constant') {
    return {
      allowed: value.value,
      reason: `${operation}: ${value.value}${rule.preset ? ` (preset ${rule.preset})` : ''}`,
    };
  }
  const verdict = await evaluateRule(value.expr, {
    auth: { openid },
    now: 0, // storage rules have no `now` (the parser refuses it)
    doc: { kind: 'document', value: { ...resource } },
    readDocument: () => Promise.reject(new StorageRuleError('get() is not available')),
  });
  const allowed = verdict.result === true;
  return { allowed, reason: `${operation}: ${printExpression(value.expr)} is ${allowed}` };
}
