/**
 * Secrets out of the invocation log: session tokens (only their hash is stored, so the log
 * must not keep them either) and one-time codes (phone codes, login codes). Any field named
 * `token`, `…Token`, `code` or `…Code` whose value is a secret-looking string keeps a short
 * prefix, to tell calls apart, and the rest is replaced. Error codes (`SESSION_INVALID`) and
 * numbers (`errCode`) are not secrets and stay.
 */
import type { JsonValue } from './types';

const SECRET_KEY = /(^|[a-z])(token|code)$/i;
/** Business and platform error codes are constants, not secrets. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;
/** Characters kept: enough to correlate two calls, far too few to reuse the secret. */
const KEPT_PREFIX = 6;

export function redactSecret(value: string): string {
  const kept = Math.min(KEPT_PREFIX, Math.floor(value.length / 4));
  return `${value.slice(0, kept)}…[redacted ${value.length} chars]`;
}

function isSecretField(key: string, value: JsonValue): value is string {
  return (
    SECRET_KEY.test(key) && typeof value === 'string' && value !== '' && !ERROR_CODE.test(value)
  );
}

/** A copy of `value` with secret fields redacted, at any depth. */
export function redactSecrets(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = isSecretField(key, child) ? redactSecret(child) : redactSecrets(child);
  }
  return out;
}

/** The secret strings inside `value` (to take them out of free text such as log lines). */
export function secretsIn(value: JsonValue, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => secretsIn(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (isSecretField(key, child)) found.add(child);
      else secretsIn(child, found);
    }
  }
  return found;
}

/** `text` with every known secret replaced by its redacted form. */
export function redactText(text: string, secrets: ReadonlySet<string>): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(redactSecret(secret));
  return out;
}
