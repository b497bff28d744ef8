import {
  applyAuthorizationChange,
  type AuthorizationChangeResult,
} from '../authorization-change/apply';
import { parseAuthorizationChange } from '../authorization-change/event';
import { assertMessagePush } from '../platform-caller';
import { defineFunction } from '../entry';

/**
 * Receives WeChat's 授权用户信息变更 message push (see authorization-change/event.ts for the event
 * shape and its source). Configure it in the mini program console: 开发管理 → 消息推送 → 云函数
 * onUserAuthorizationChange, event authorized_user_information_changes.
 *
 * Whose account: the event's `OpenID` — the one place this project takes an OPENID from an
 * event, so only a platform push may do it. A push carries no OPENID in getWXContext; any call from
 * a mini program (any user can call any function) always does, and is refused with
 * PERMISSION_DENIED before anything is read, so nobody can wipe another account from the client.
 *   user_authorization_revoke: clears what RevokeInfo names (6/19/20 nickname, avatar and the
 *     avatar file the account uploaded; 8 the phone number and its claim);
 *   user_info_modified: the platform cleaned the profile, we clear nickname and avatar too;
 *   user_authorization_cancellation: deletes the account as deleteAccount does (actor `wechat`).
 * Every step is idempotent, so a repeated push changes nothing more.
 */
export const main = /* @__PURE__ */ defineFunction<AuthorizationChangeResult>(
  async (event, invocation) => {
    // Parsed first only to learn the subject; nothing is read or written before the check.
    const change = parseAuthorizationChange(event);
    assertMessagePush(invocation.caller, change.openid);
    return applyAuthorizationChange(invocation, change);
  },
  { requireIdentity: false },
);
