import { PROFILE_LIMITS, type Gender, type ProfileInput } from '../../contract/index';
import type { CloudCallError } from '../../lib/cloud-error';

/** Fields the form shows an error next to. */
export type FormField = 'nickName' | 'avatarUrl' | 'gender';
export type FieldErrors = Partial<Record<FormField, string>>;

export const GENDER_OPTIONS: ReadonlyArray<{ value: Gender; label: string }> = [
  { value: 0, label: '保密' },
  { value: 1, label: '男' },
  { value: 2, label: '女' },
];

const FIELD_LABELS: Record<FormField, string> = {
  nickName: '昵称',
  avatarUrl: '头像',
  gender: '性别',
};

function parseGender(value: unknown): Gender {
  const n = Number(value);
  return n === 1 || n === 2 ? n : 0;
}

/**
 * Reads the submitted form. The nickname is read here, on submit, because WeChat clears a
 * nickname that fails its check on blur; whatever is left at submit time is what counts.
 */
export function readProfileForm(value: Record<string, unknown>, avatarUrl: string): ProfileInput {
  const nickName = typeof value.nickName === 'string' ? value.nickName.trim() : '';
  const profile: ProfileInput = { nickName, gender: parseGender(value.gender) };
  if (avatarUrl) profile.avatarUrl = avatarUrl;
  return profile;
}

function reasonText(field: FormField, reason: string | undefined): string {
  const label = FIELD_LABELS[field];
  if (field === 'nickName' && reason === 'too_long') {
    return `昵称最多 ${PROFILE_LIMITS.nickName.maxLength} 个字`;
  }
  if (reason === 'too_short' || reason === 'empty' || reason === 'required')
    return `请填写${label}`;
  return `${label}不符合要求`;
}

/** Turns a server INVALID_ARGUMENT into a message next to its field (or null if not a field). */
export function fieldErrorsFrom(error: CloudCallError): FieldErrors | null {
  if (error.code !== 'INVALID_ARGUMENT') return null;
  // details.field is a dot path of the request, e.g. `profile.nickName`.
  const field = error.details?.field?.split('.').pop();
  if (field !== 'nickName' && field !== 'avatarUrl' && field !== 'gender') return null;
  return { [field]: reasonText(field, error.details?.reason) };
}
