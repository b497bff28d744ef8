// 自动生成，请勿修改：源文件在 contract/src（npm run build 同步）。
import type { ProfileField } from './user';

/** Validation limits shared by the server (which enforces them) and the client (which hints). */
export const PROFILE_LIMITS = {
  nickName: { minLength: 1, maxLength: 32 },
  avatarUrl: { maxLength: 1024, schemes: ['cloud://', 'https://'] as const },
  gender: { values: [0, 1, 2] as const },
  country: { maxLength: 64 },
  province: { maxLength: 64 },
  city: { maxLength: 64 },
  language: { maxLength: 16 },
} as const;

/**
 * Every profile field has limits and nothing else does, checked by the compiler. Written as
 * types, not `satisfies`: the contract is copied into the mini program, and older WeChat
 * DevTools / miniprogram-ci Babel parsers reject `satisfies` (test/contract/devtools-syntax).
 */
type Same<A, B extends A> = B;
export type ProfileLimitsCoverEveryField = [
  Same<Record<ProfileField, unknown>, typeof PROFILE_LIMITS>, // no field missing
  Same<ProfileField, keyof typeof PROFILE_LIMITS>, // no unknown field
];

export const PROFILE_FIELDS = Object.keys(PROFILE_LIMITS) as ProfileField[];

/** Each of platform, model and version is cut to this many characters after sanitising. */
export const CLIENT_FIELD_MAX_LENGTH = 64;

/** Session tokens are 32 random bytes, hex encoded (64 characters). */
export const TOKEN_BYTES = 32;
export const TOKEN_PATTERN = /^[0-9a-f]{64}$/;

/** A getPhoneNumber code as the server accepts it: 1-128 printable ASCII characters. */
export const PHONE_CODE_PATTERN = /^[\x21-\x7e]{1,128}$/;
