import type { LogoutScope } from '../../../contract/src';
import { invalidArgument } from '../errors';

/** Top-level request fields. Unknown top-level keys are ignored: WeChat adds `userInfo`. */
export function requireToken(event: Record<string, unknown>): string {
  const token = event.token;
  if (token === undefined || token === null || token === '') {
    throw invalidArgument('token', 'missing');
  }
  if (typeof token !== 'string') throw invalidArgument('token', 'wrong_type');
  return token;
}

export function optionalBoolean(event: Record<string, unknown>, field: string): boolean {
  const value = event[field];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw invalidArgument(field, 'wrong_type');
  return value;
}

export function requireScope(event: Record<string, unknown>): LogoutScope {
  const scope = event.scope;
  if (scope === undefined || scope === null) throw invalidArgument('scope', 'missing');
  if (scope !== 'current' && scope !== 'all') throw invalidArgument('scope', 'not_allowed');
  return scope;
}
