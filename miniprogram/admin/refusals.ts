/**
 * 管理操作被拒绝时，按服务端给出的 `details.reason` 说明原因（中文）。
 * Chinese text for adminUsers refusals (PERMISSION_DENIED) that name their reason; any other
 * refusal keeps the generic 没有权限 text. A Map, so a reason such as `constructor` finds nothing.
 */
import { CloudCallError, displayMessage, isCloudCallError } from 'wx-cloud-login-miniprogram';

export const ADMIN_REFUSAL_MESSAGES: ReadonlyMap<string, string> = new Map([
  [
    'configured_admin',
    '该管理员由云函数配置 ADMIN_OPENIDS 指定，不能在这里停用、取消管理员或删除；如需更改请修改配置',
  ],
]);

/** The same error with the page's own message when the server said why it refused. */
export function explainAdminRefusal(error: unknown): unknown {
  if (!isCloudCallError(error) || error.code !== 'PERMISSION_DENIED') return error;
  const message = ADMIN_REFUSAL_MESSAGES.get(error.details?.reason ?? '');
  return message === undefined ? error : new CloudCallError({ ...error.toJSON(), message });
}

/** What the server refuses an admin to do to their own account (PERMISSION_DENIED, reason self). */
const SELF_REFUSALS: Record<string, string> = {
  setStatus: '不能停用自己的账号',
  setRoles: '不能取消自己的管理员角色',
  delete: '不能在这里删除自己的账号，请在“编辑资料”中注销',
};

const NOT_FOUND = '该用户不存在或已被删除';

/** The page's text for a failed action: a self-refusal explained, else the call's message. */
export function failureText(
  action: string,
  failure: unknown,
  fallback = '操作失败，请稍后再试',
): string {
  // A refusal whose reason the page can explain (configured_admin) carries that explanation.
  const error = explainAdminRefusal(failure);
  if (!isCloudCallError(error)) return fallback;
  if (error.code === 'NOT_FOUND') return NOT_FOUND;
  const self = error.code === 'PERMISSION_DENIED' && error.details?.reason === 'self';
  return (self && SELF_REFUSALS[action]) || displayMessage(error);
}
