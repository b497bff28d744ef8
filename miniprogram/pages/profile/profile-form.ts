import {
  type CloudCallError,
  type Gender,
  INVALID_ARGUMENT_REASONS,
  type InvalidArgumentReason,
  PROFILE_LIMITS,
  type ProfileInput,
  type PublicUser,
} from 'wx-cloud-login-miniprogram';

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
  const profile: ProfileInput = { gender: parseGender(value.gender) };
  // Left out when empty: a user who never set one may still save an avatar or a gender.
  if (nickName) profile.nickName = nickName;
  if (avatarUrl) profile.avatarUrl = avatarUrl;
  return profile;
}

/**
 * Whether a form without a nickname is still worth saving: only for a user who has none yet
 * (a nickname cannot be cleared) and when the avatar shown or the gender changed.
 */
export function savesWithoutNickname(
  profile: ProfileInput,
  saved: Pick<PublicUser, 'nickName' | 'avatarUrl' | 'gender'> | undefined,
  shownAvatar: string,
): boolean {
  if (!saved || saved.nickName) return false;
  return profile.gender !== saved.gender || (shownAvatar !== '' && shownAvatar !== saved.avatarUrl);
}

type Hint = (label: string, field: FormField) => string;

/**
 * Chinese hint per server reason. A Record over the contract's reasons: a reason added there
 * without a hint here fails to compile. Reasons a form cannot produce get the generic hint.
 */
const REASON_HINTS: Record<InvalidArgumentReason, Hint> = {
  missing: (label) => `请填写${label}`,
  empty: (label) => `请填写${label}`,
  too_long: (label, field) =>
    field === 'nickName' ? `昵称最多 ${PROFILE_LIMITS.nickName.maxLength} 个字` : `${label}太长了`,
  control_character: (label) => `${label}含有不支持的字符`,
  invalid_url: () => '头像地址无效，请重新选择头像',
  invalid_scheme: () => '头像地址无效，请重新选择头像',
  not_allowed: (label) => `请选择有效的${label}`,
  wrong_type: (label) => `${label}不符合要求`,
  unknown_field: (label) => `${label}不符合要求`,
  operator_key: (label) => `${label}不符合要求`,
  dotted_key: (label) => `${label}不符合要求`,
  reserved_key: (label) => `${label}不符合要求`,
  risky_content: (label) => `${label}含有不适宜的内容，请修改`,
  not_owned: () => '头像上传失败，请重新选择头像',
};

function isKnownReason(reason: string | undefined): reason is InvalidArgumentReason {
  return (INVALID_ARGUMENT_REASONS as readonly (string | undefined)[]).includes(reason);
}

function reasonText(field: FormField, reason: string | undefined): string {
  const label = FIELD_LABELS[field];
  // A newer server may send a reason this client does not know yet: stay generic.
  return isKnownReason(reason) ? REASON_HINTS[reason](label, field) : `${label}不符合要求`;
}

/** Turns a server INVALID_ARGUMENT into a message next to its field (or null if not a field). */
export function fieldErrorsFrom(error: CloudCallError): FieldErrors | null {
  if (error.code !== 'INVALID_ARGUMENT') return null;
  // details.field is a dot path of the request, e.g. `profile.nickName`.
  const field = error.details?.field?.split('.').pop();
  if (field !== 'nickName' && field !== 'avatarUrl' && field !== 'gender') return null;
  return { [field]: reasonText(field, error.details?.reason) };
}
