import { isPlainObject } from '../shared/plain-object';

type Doc = Record<string, unknown>;

/**
 * The console import's key rules: a key may not start or end with `.` nor hold `..`; `a.b` is
 * the field `b` of `a`, so `{"a": {"b": 1}, "a.b": 2}` is ambiguous and refused; `$` keys are
 * operators, not field names. Returns the document with dotted keys expanded, or throws the
 * reason (the caller adds file and line).
 */
export function normalizeKeys(doc: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(doc)) {
    checkKey(key);
    // Extended JSON wrappers ($date, $oid...) are already values here: any `$` key left is not.
    setPath(out, key.split('.'), isPlainObject(value) ? normalizeKeys(value) : value, key);
  }
  return out;
}

function checkKey(key: string): void {
  if (key === '') throw new Error('a field name is empty');
  if (key.startsWith('.') || key.endsWith('.') || key.includes('..')) {
    throw new Error(`field name "${key}" starts or ends with "." or holds ".."`);
  }
  if (key.startsWith('$')) throw new Error(`field name "${key}" starts with "$"`);
}

function setPath(target: Doc, parts: string[], value: unknown, key: string): void {
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = Object.hasOwn(node, part) ? node[part] : (node[part] = {});
    if (!isPlainObject(next)) throw new Error(`field "${key}" is given twice`);
    node = next;
  }
  const last = parts[parts.length - 1] as string;
  if (Object.hasOwn(node, last)) throw new Error(`field "${key}" is given twice`);
  node[last] = value;
}
