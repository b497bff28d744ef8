/**
 * One collection's rule as production stores it: a rule object with `read`, `write`, `create`,
 * `update`, `delete` (each `true`, `false` or an expression), or one of the legacy preset
 * names. Checking happens here, once, so a rule production would refuse never reaches the
 * evaluator.
 */
import { parseExpression, RuleSyntaxError, type Expr } from './expression';

export const PRESETS = ['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY'] as const;
export type Preset = (typeof PRESETS)[number];

export const RULE_KEYS = ['read', 'write', 'create', 'update', 'delete'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];
/** What a request does, which picks the key that judges it. */
export type Operation = 'read' | 'create' | 'update' | 'delete';

export type RuleValue =
  { kind: 'constant'; value: boolean } | { kind: 'expression'; source: string; expr: Expr };

export type CollectionRule =
  | { kind: 'preset'; preset: Preset }
  | { kind: 'custom'; keys: Partial<Record<RuleKey, RuleValue>> };

/** The console's default for a new collection (仅创建者可读写). */
export const DEFAULT_RULE: CollectionRule = { kind: 'preset', preset: 'PRIVATE' };

export class RuleFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleFileError';
  }
}

/** A rule from its JSON value (the parsed file content). */
export function compileRule(value: unknown): CollectionRule {
  if (typeof value === 'string') {
    if ((PRESETS as readonly string[]).includes(value))
      return { kind: 'preset', preset: value as Preset };
    throw new RuleFileError(
      `unknown preset "${value}" (use one of ${PRESETS.join(', ')} or a rule object)`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RuleFileError('a rule must be an object or a preset name');
  }
  const keys: Partial<Record<RuleKey, RuleValue>> = {};
  for (const [key, raw] of Object.entries(value)) {
    // "$comment" is ours, for notes in the project's files; the deploy strips it.
    if (key === '$comment') continue;
    if (!(RULE_KEYS as readonly string[]).includes(key)) {
      throw new RuleFileError(`unknown key "${key}" (allowed: ${RULE_KEYS.join(', ')})`);
    }
    keys[key as RuleKey] = compileValue(key, raw);
  }
  return { kind: 'custom', keys };
}

function compileValue(key: string, raw: unknown): RuleValue {
  if (typeof raw === 'boolean') return { kind: 'constant', value: raw };
  if (typeof raw !== 'string')
    throw new RuleFileError(`"${key}" must be true, false or an expression string`);
  try {
    return { kind: 'expression', source: raw, expr: parseExpression(raw) };
  } catch (error) {
    if (error instanceof RuleSyntaxError) throw new RuleFileError(`"${key}": ${error.message}`);
    throw error;
  }
}

/** The value judging an operation: its own key, else `write` for writes; absent means false. */
export function ruleValueFor(
  keys: Partial<Record<RuleKey, RuleValue>>,
  operation: Operation,
): { key: RuleKey; value: RuleValue } {
  const own = keys[operation];
  if (own) return { key: operation, value: own };
  const key: RuleKey = operation === 'read' ? 'read' : 'write';
  return { key, value: keys[key] ?? { kind: 'constant', value: false } };
}

/** The rule as the console shows it and the deploy sends it. */
/** A rule as JSON: a preset name or the rule object. */
export type RuleJson = string | Record<string, boolean | string>;

export function ruleToJson(rule: CollectionRule): RuleJson {
  if (rule.kind === 'preset') return rule.preset;
  const out: Record<string, boolean | string> = {};
  for (const key of RULE_KEYS) {
    const value = rule.keys[key];
    if (value) out[key] = value.kind === 'constant' ? value.value : value.source;
  }
  return out;
}
