import type { AccountStatus, PublicUser } from './user';

/** deleteAccount({ token }): what was removed, counted by this call (a retry counts the rest). */
export interface DeleteAccountRequest {
  token: string;
}
export interface DeletionCounts {
  sessions: number;
  /** Per collection listed in ACCOUNT_DATA_COLLECTIONS: documents removed. */
  documents: Record<string, number>;
  files: number;
}
export interface DeleteAccountResponse {
  deleted: DeletionCounts;
}

/** Role names: lower-case letters, digits, `_` and `-`, starting with a letter. */
export const ROLE_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
export const ADMIN_ROLE = 'admin';
export const MAX_ROLES = 10;
export const ADMIN_PAGE_SIZE_MAX = 50;

/** A user as an admin sees it: the public profile plus identity and status. */
export interface AdminUser extends PublicUser {
  openid: string;
  status: AccountStatus;
  /** Open sessions (not revoked, not expired) as the user's record lists them. */
  activeSessions: number;
}

/** A session without any token material (no token, no token hash). */
export interface AdminSession {
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  revokedReason?: string;
  client?: { platform?: string; model?: string; version?: string };
}

export interface AuditEntry {
  time: number;
  action: AuditAction;
  /** SHA-256 of the subject's OPENID (entries never hold a raw OPENID). */
  subject: string;
  /** `self`, `wechat`, `system`, or the SHA-256 of the acting admin's OPENID. */
  actor: string;
  /** Admin `get` only: the acting admin's OPENID, when the server still knows that admin. */
  actorOpenid?: string;
  requestId: string;
  details?: Record<string, unknown>;
}

export const AUDIT_ACTIONS = [
  'account.created',
  'profile.updated',
  'phone.changed',
  'status.changed',
  'roles.changed',
  'sessions.revoked',
  'account.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

interface AdminBase {
  token: string;
}
export interface AdminListRequest extends AdminBase {
  action: 'list';
  /** Matches an OPENID exactly, or part of a nickname or phone number. */
  query?: string;
  status?: AccountStatus;
  role?: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}
export interface AdminGetRequest extends AdminBase {
  action: 'get';
  openid: string;
}
export interface AdminSetStatusRequest extends AdminBase {
  action: 'setStatus';
  openid: string;
  status: AccountStatus;
}
export interface AdminSetRolesRequest extends AdminBase {
  action: 'setRoles';
  openid: string;
  roles: string[];
}
export interface AdminRevokeSessionsRequest extends AdminBase {
  action: 'revokeSessions';
  openid: string;
}
export interface AdminDeleteRequest extends AdminBase {
  action: 'delete';
  openid: string;
}

export type AdminUsersRequest =
  | AdminListRequest
  | AdminGetRequest
  | AdminSetStatusRequest
  | AdminSetRolesRequest
  | AdminRevokeSessionsRequest
  | AdminDeleteRequest;
export type AdminAction = AdminUsersRequest['action'];
// A typed constant, not `satisfies`: WeChat DevTools' Babel rejects that syntax.
export const ADMIN_ACTIONS: readonly AdminAction[] = [
  'list',
  'get',
  'setStatus',
  'setRoles',
  'revokeSessions',
  'delete',
];

export interface AdminListResponse {
  users: AdminUser[];
  total: number;
  page: number;
  pageSize: number;
}
export interface AdminGetResponse {
  user: AdminUser;
  sessions: AdminSession[];
  audit: AuditEntry[];
}
export interface AdminSetStatusResponse {
  user: AdminUser;
  revoked: number;
}
export interface AdminSetRolesResponse {
  user: AdminUser;
}
export interface AdminRevokeSessionsResponse {
  revoked: number;
}
export interface AdminDeleteResponse {
  deleted: DeletionCounts;
}

/** The answer of each action, so a typed caller gets the right response for its request. */
export interface AdminResponses {
  list: AdminListResponse;
  get: AdminGetResponse;
  setStatus: AdminSetStatusResponse;
  setRoles: AdminSetRolesResponse;
  revokeSessions: AdminRevokeSessionsResponse;
  delete: AdminDeleteResponse;
}
export type AdminUsersResponse = AdminResponses[AdminAction];
