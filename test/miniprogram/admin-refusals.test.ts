/**
 * The admin page explains refusals that name their reason: another admin's action on an
 * ADMIN_OPENIDS admin is PERMISSION_DENIED with reason configured_admin (server/src/admin-users.ts).
 */
import { CloudCallError, displayMessage } from 'wx-cloud-login-miniprogram';
import { explainAdminRefusal } from '../../miniprogram/admin/refusals';

const refusal = (reason?: string) =>
  new CloudCallError({
    code: 'PERMISSION_DENIED',
    functionName: 'adminUsers',
    details: reason === undefined ? undefined : { field: 'openid', reason },
  });

test('configured_admin is explained in Chinese, keeping the code and details', () => {
  const explained = explainAdminRefusal(refusal('configured_admin')) as CloudCallError;
  expect(explained).toBeInstanceOf(CloudCallError);
  expect(displayMessage(explained, false)).toBe(
    '该管理员由云函数配置 ADMIN_OPENIDS 指定，不能在这里停用、取消管理员或删除；如需更改请修改配置',
  );
  expect(explained.code).toBe('PERMISSION_DENIED');
  expect(explained.details).toEqual({ field: 'openid', reason: 'configured_admin' });
});

test('a refusal without a known reason keeps the generic text; other errors pass through', () => {
  expect(displayMessage(explainAdminRefusal(refusal()) as CloudCallError, false)).toBe(
    '没有权限执行此操作',
  );
  const unknown = refusal('constructor');
  expect(explainAdminRefusal(unknown)).toBe(unknown);
  const other = new Error('boom');
  expect(explainAdminRefusal(other)).toBe(other);
});
