// An independent check of what a stored user may look like, written from the contract's limits
// (not from the server's validator), so the fuzz suite can say "never stored an invalid profile".
import { PROFILE_LIMITS } from '../../../contract/src';

/** Control characters (C0 and DEL): never allowed in a stored nickname. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;
const CONTROL = new RegExp(CONTROL_CHARS.source);

/** Why a stored user document's profile is invalid, or undefined when it is fine. */
export function invalidProfileReason(doc: Record<string, unknown>): string | undefined {
  const { nickName, avatarUrl, gender } = doc;
  if (typeof nickName !== 'string') return 'nickName is not a string';
  // A user who never set a nickname has the default (empty); a set one must be valid.
  if (nickName !== '') {
    const { minLength, maxLength } = PROFILE_LIMITS.nickName;
    const length = [...nickName].length;
    if (length < minLength || length > maxLength) return `nickName length ${length}`;
    if (nickName !== nickName.trim()) return 'nickName not trimmed';
    if (CONTROL.test(nickName)) return 'nickName has control characters';
  }
  if (typeof avatarUrl !== 'string') return 'avatarUrl is not a string';
  if (avatarUrl !== '') {
    if (avatarUrl.length > PROFILE_LIMITS.avatarUrl.maxLength) return 'avatarUrl too long';
    if (!PROFILE_LIMITS.avatarUrl.schemes.some((s) => avatarUrl.startsWith(s))) {
      return 'avatarUrl scheme';
    }
  }
  if (!(PROFILE_LIMITS.gender.values as readonly unknown[]).includes(gender)) return 'gender';
  for (const field of ['country', 'province', 'city', 'language'] as const) {
    const value = doc[field];
    if (typeof value !== 'string') return `${field} is not a string`;
    if ([...value].length > PROFILE_LIMITS[field].maxLength) return `${field} too long`;
  }
  for (const key of Object.keys(doc)) {
    if (key.startsWith('$') || key.includes('.')) return `stray key ${key}`;
  }
  return undefined;
}
