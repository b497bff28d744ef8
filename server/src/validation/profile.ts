import { PROFILE_FIELDS, PROFILE_LIMITS } from '../../../contract/src';
import type { Gender, ProfileField, ProfileInput } from '../../../contract/src';
import { invalidArgument } from '../errors';
import { characterLength, hasControlCharacters, isPlainObject } from './text';

/**
 * updateUserInfo's profile check, written by hand rather than with a schema library: the rules
 * are few, the error must name the exact field and reason (`$`/dotted/reserved keys included),
 * and every byte saved in the bundle is parse time saved at cold start.
 */
const RESERVED_KEYS = new Set(['_id', '_openid', '__proto__', 'constructor', 'prototype']);
const KNOWN_FIELDS = new Set<string>(PROFILE_FIELDS);

type TextField = 'country' | 'province' | 'city' | 'language';

function checkKey(key: string): void {
  const field = `profile.${key}`;
  if (key.startsWith('$')) throw invalidArgument(field, 'operator_key');
  if (key.includes('.')) throw invalidArgument(field, 'dotted_key');
  if (RESERVED_KEYS.has(key)) throw invalidArgument(field, 'reserved_key');
  if (!KNOWN_FIELDS.has(key)) throw invalidArgument(field, 'unknown_field');
}

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalidArgument(field, 'wrong_type');
  if (hasControlCharacters(value)) throw invalidArgument(field, 'control_character');
  return value.trim();
}

function nickName(value: unknown): string {
  const text = requireString(value, 'profile.nickName');
  const length = characterLength(text);
  if (length < PROFILE_LIMITS.nickName.minLength)
    throw invalidArgument('profile.nickName', 'empty');
  if (length > PROFILE_LIMITS.nickName.maxLength) {
    throw invalidArgument('profile.nickName', 'too_long');
  }
  return text;
}

function avatarUrl(value: unknown): string {
  const field = 'profile.avatarUrl';
  if (typeof value !== 'string') throw invalidArgument(field, 'wrong_type');
  if (value.length > PROFILE_LIMITS.avatarUrl.maxLength) throw invalidArgument(field, 'too_long');
  // No whitespace or control characters anywhere: a URL that needs them is not one we store.
  if (/\s/.test(value) || hasControlCharacters(value)) throw invalidArgument(field, 'invalid_url');
  const scheme = PROFILE_LIMITS.avatarUrl.schemes.find((s) => value.startsWith(s));
  if (!scheme || value.length === scheme.length) throw invalidArgument(field, 'invalid_scheme');
  if (scheme === 'https://') {
    try {
      const url = new URL(value);
      if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) {
        throw invalidArgument(field, 'invalid_url');
      }
    } catch {
      throw invalidArgument(field, 'invalid_url');
    }
  }
  return value;
}

function gender(value: unknown): Gender {
  const field = 'profile.gender';
  if (typeof value !== 'number') throw invalidArgument(field, 'wrong_type');
  const allowed: readonly number[] = PROFILE_LIMITS.gender.values;
  if (!allowed.includes(value)) throw invalidArgument(field, 'not_allowed');
  return value as Gender;
}

function text(value: unknown, key: TextField): string {
  const result = requireString(value, `profile.${key}`);
  if (characterLength(result) > PROFILE_LIMITS[key].maxLength) {
    throw invalidArgument(`profile.${key}`, 'too_long');
  }
  return result;
}

function checkValue(key: ProfileField, value: unknown): ProfileInput[ProfileField] {
  switch (key) {
    case 'nickName':
      return nickName(value);
    case 'avatarUrl':
      return avatarUrl(value);
    case 'gender':
      return gender(value);
    default:
      return text(value, key);
  }
}

/** The validated, trimmed profile; throws INVALID_ARGUMENT naming the first bad field. */
export function parseProfile(input: unknown): ProfileInput {
  if (!isPlainObject(input)) throw invalidArgument('profile', 'wrong_type');
  // Own keys of a JSON-parsed object include `__proto__`, which is exactly what we must catch.
  const keys = Object.keys(input);
  if (keys.length === 0) throw invalidArgument('profile', 'empty');
  keys.forEach(checkKey);
  const profile: Record<string, unknown> = {};
  for (const key of keys as ProfileField[]) profile[key] = checkValue(key, input[key]);
  return profile as ProfileInput;
}
