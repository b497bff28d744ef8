/**
 * The value rules of subscribe-message keywords. A template field's key names its type
 * (`thing1`, `time2`, `amount3`...); production refuses a value outside that type's limits with
 * errcode 47003 ("argument invalid! data.thing1.value invalid"). Limits as documented for
 * subscribeMessage.send (订阅消息参数值内容限制).
 */

interface FieldRule {
  max: number;
  pattern?: RegExp;
}

const TIME = '([01]?\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?';
const DAY = '\\d{4}[-/年]\\d{1,2}[-/月]\\d{1,2}日?';

/** Types and their limits; `max` counts characters (code points). */
export const FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  thing: { max: 20 },
  number: { max: 32, pattern: /^\d+(\.\d+)?$/ },
  letter: { max: 32, pattern: /^[A-Za-z]+$/ },
  symbol: { max: 5, pattern: /^[^\p{L}\p{N}\s]+$/u },
  character_string: { max: 32, pattern: /^[\x21-\x7e]+$/ },
  time: { max: 64, pattern: new RegExp(`^(${DAY}\\s*)?${TIME}(\\s*~\\s*(${DAY}\\s*)?${TIME})?$`) },
  date: { max: 64, pattern: new RegExp(`^${DAY}(\\s*${TIME})?(\\s*~\\s*${DAY}(\\s*${TIME})?)?$`) },
  amount: { max: 14, pattern: /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/ },
  phone_number: { max: 17, pattern: /^[\d+\-() ]+$/ },
  car_number: {
    max: 8,
    pattern: /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u,
  },
  name: { max: 20 },
  phrase: { max: 5, pattern: /^\p{Script=Han}+$/u },
};

/** `thing12` -> `thing`; undefined for a key that names no known type. */
export function fieldType(key: string): string | undefined {
  const type = /^([a-z_]+?)\d+$/.exec(key)?.[1];
  return type && Object.hasOwn(FIELD_RULES, type) ? type : undefined;
}

/** Why the value breaks its type's rule, or undefined when it is acceptable. */
export function fieldProblem(key: string, value: unknown): string | undefined {
  const type = fieldType(key);
  if (!type) return `unknown keyword type of ${key}`;
  if (typeof value !== 'string' || value.trim() === '') return 'value must be a non-empty string';
  const rule = FIELD_RULES[type] as FieldRule;
  const length = [...value].length;
  // name: 10 characters, or 20 when it is letters only (a Latin name).
  const max = type === 'name' && !/^[A-Za-z ]+$/.test(value) ? 10 : rule.max;
  if (length > max) return `${type} allows at most ${max} characters (got ${length})`;
  if (rule.pattern && !rule.pattern.test(value)) return `not a valid ${type} value`;
  return undefined;
}
