// 自动生成，请勿修改：源文件在 contract/src（npm run build 同步）。
/** 0 unknown, 1 male, 2 female: the values WeChat used in its user info. */
export type Gender = 0 | 1 | 2;

/** The user as the client sees it. No openid, appid, unionid or session data. */
export interface PublicUser {
  nickName: string;
  avatarUrl: string;
  gender: Gender;
  country: string;
  province: string;
  city: string;
  language: string;
  /** Milliseconds since the epoch, like every time in the contract. */
  createdAt: number;
  lastLoginAt: number;
  updatedAt: number;
  loginCount: number;
  /** Roles granted by an admin (e.g. `admin`); read fresh on every guarded call. */
  roles: string[];
  /** The bound phone number, or null when none is bound (bindPhoneNumber / unbindPhoneNumber). */
  phone: PhoneBinding | null;
}

/** A phone number bound to the account through WeChat's getPhoneNumber button. */
export interface PhoneBinding {
  /** Without `+`, e.g. `86`. */
  countryCode: string;
  /** The pure number without country code, e.g. `13800138000`. */
  number: string;
  /** When it was bound (ms since the epoch). */
  boundAt: number;
}

/** `active` when absent; `disabled` refuses login and every session (ACCOUNT_DISABLED). */
export type AccountStatus = 'active' | 'disabled';

/** The fields a user may change with updateUserInfo; every one optional, at least one given. */
export interface ProfileInput {
  nickName?: string;
  avatarUrl?: string;
  gender?: Gender;
  country?: string;
  province?: string;
  city?: string;
  language?: string;
}

export type ProfileField = keyof ProfileInput;

/** Optional device facts a client may attach to login; stored with the session for display. */
export interface ClientInfo {
  platform?: string;
  model?: string;
  version?: string;
}
