/**
 * Which openapi a function may call: as in production, the names listed under
 * `permissions.openapi` in the `config.json` of the function's folder. Read on every call, so an
 * edit takes effect without a restart (production needs a redeploy; the emulator is friendlier).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function allowedOpenApis(functionDir: string): ReadonlySet<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path.join(functionDir, 'config.json'), 'utf8'));
  } catch {
    // No config.json (or an unreadable one) grants nothing, like a deployment without it.
    return new Set();
  }
  const permissions = (parsed as { permissions?: { openapi?: unknown } } | null)?.permissions;
  const list = Array.isArray(permissions?.openapi) ? permissions.openapi : [];
  return new Set(list.filter((name): name is string => typeof name === 'string'));
}
