/**
 * 管理操作被拒绝时，按服务端给出的 `details.reason` 说明原因（中文）。
 * Chinese text for adminUsers refusals (PERMISSION_DENIED) that name their reason; any other
 * refusal keeps the generic 没有权限 text. A Map, so a reason such as `constructor` finds nothing.
 */
import { CloudCallError, isCloudCallError } from 'wx-cloud-login-miniprogram';

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
