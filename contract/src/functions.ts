import type {
  AdminUsersRequest,
  AdminUsersResponse,
  DeleteAccountRequest,
  DeleteAccountResponse,
} from './account';
import type { ClientInfo, ProfileInput, PublicUser } from './user';

export interface LoginRequest {
  client?: ClientInfo;
}
export interface LoginResponse {
  token: string;
  expiresAt: number;
  user: PublicUser;
  isNewUser: boolean;
}

export interface CheckSessionRequest {
  token: string;
  withUser?: boolean;
}
export interface CheckSessionResponse {
  valid: true;
  expiresAt: number;
  user?: PublicUser;
}

export interface UpdateUserInfoRequest {
  token: string;
  profile: ProfileInput;
}
export interface UpdateUserInfoResponse {
  user: PublicUser;
}

/** Image types an avatar upload may have (the extension of the path the server hands out). */
export const AVATAR_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif'] as const;
export type AvatarExtension = (typeof AVATAR_EXTENSIONS)[number];

/**
 * Asks for a path to upload an avatar to (wx.cloud.uploadFile's `cloudPath`). The server records
 * it for the caller; updateUserInfo accepts a `cloud://` avatar only under such a path of the
 * caller's, and deleting the account deletes every file uploaded to one, saved or not.
 */
export interface ReserveAvatarUploadRequest {
  token: string;
  extension?: AvatarExtension;
}
export interface ReserveAvatarUploadResponse {
  cloudPath: string;
}

/** `current` ends the presented session; `all` ends every session of the caller. */
export type LogoutScope = 'current' | 'all';
export interface LogoutRequest {
  token: string;
  scope: LogoutScope;
}
export interface LogoutResponse {
  revoked: number;
}

/** `code` is `e.detail.code` of `<button open-type="getPhoneNumber">` (one use, 5 minutes). */
export interface BindPhoneNumberRequest {
  token: string;
  code: string;
}
export interface BindPhoneNumberResponse {
  user: PublicUser;
}

export interface UnbindPhoneNumberRequest {
  token: string;
}
export interface UnbindPhoneNumberResponse {
  user: PublicUser;
}

/** Every request of a function that needs a login carries the session token. */
export interface AuthenticatedRequest {
  token: string;
}

/**
 * The callable cloud functions, by name. An interface (not a type) so an app can add its own
 * functions by declaration merging. In the mini program the module is the synced copy, named by
 * its relative path (see docs/client.md):
 *
 *   declare module './contract/functions' {
 *     interface CloudFunctions { myFn: { request: { token: string }; response: { ... } } }
 *   }
 */
export interface CloudFunctions {
  login: { request: LoginRequest; response: LoginResponse };
  checkSession: { request: CheckSessionRequest; response: CheckSessionResponse };
  updateUserInfo: { request: UpdateUserInfoRequest; response: UpdateUserInfoResponse };
  reserveAvatarUpload: {
    request: ReserveAvatarUploadRequest;
    response: ReserveAvatarUploadResponse;
  };
  logout: { request: LogoutRequest; response: LogoutResponse };
  bindPhoneNumber: { request: BindPhoneNumberRequest; response: BindPhoneNumberResponse };
  unbindPhoneNumber: { request: UnbindPhoneNumberRequest; response: UnbindPhoneNumberResponse };
  deleteAccount: { request: DeleteAccountRequest; response: DeleteAccountResponse };
  adminUsers: { request: AdminUsersRequest; response: AdminUsersResponse };
}

export type FunctionName = keyof CloudFunctions;
export type RequestOf<N extends FunctionName> = CloudFunctions[N]['request'];
export type ResponseOf<N extends FunctionName> = CloudFunctions[N]['response'];

/** Functions whose request carries a token (the ones the session manager authenticates). */
export type AuthenticatedFunctionName = {
  [N in FunctionName]: RequestOf<N> extends AuthenticatedRequest ? N : never;
}[FunctionName];
