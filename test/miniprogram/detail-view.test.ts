/**
 * The admin detail's formatting (miniprogram/admin/detail-view.ts): 北京时间 whatever the
 * machine's zone, every audit action the server writes in Chinese words, actors, open sessions.
 */
import { AUDIT_ACTIONS, type AdminGetResponse, type AuditEntry } from 'wx-cloud-login-miniprogram';
import {
  actionLabel,
  actorLabel,
  beijingTime,
  detailView,
} from '../../miniprogram/admin/detail-view';

const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  time: 0,
  action: 'account.created',
  subject: 'hash',
  actor: 'self',
  requestId: 'r',
  ...fields,
});

test('beijingTime is UTC+8 and labelled, across a date line', () => {
  expect(beijingTime(Date.UTC(2026, 11, 31, 16, 5))).toBe('2027-01-01 00:05（北京时间）');
  expect(beijingTime(Date.UTC(2026, 0, 2, 3, 4))).toBe('2026-01-02 11:04（北京时间）');
});

test('every audit action the server writes has Chinese words; an unknown one keeps its name', () => {
  for (const action of AUDIT_ACTIONS) {
    expect(actionLabel({ action })).toMatch(/^[\u4e00-\u9fa5]+$/);
  }
  expect(actionLabel({ action: 'status.changed', details: { to: 'disabled' } })).toBe('停用账号');
  expect(actionLabel({ action: 'status.changed', details: { to: 'active' } })).toBe('启用账号');
  expect(actionLabel({ action: 'phone.changed', details: { change: 'unbound' } })).toBe(
    '解绑手机号',
  );
  expect(actionLabel({ action: 'future.action' as AuditEntry['action'] })).toBe('future.action');
});

test('actors: 本人 / 管理员 <openid> / 系统 / 微信, and an admin the server no longer knows', () => {
  expect(actorLabel({ actor: 'self' })).toBe('本人');
  expect(actorLabel({ actor: 'system' })).toBe('系统');
  expect(actorLabel({ actor: 'wechat' })).toBe('微信');
  expect(actorLabel({ actor: 'ab12', actorOpenid: 'o-admin' })).toBe('管理员 o-admin');
  expect(actorLabel({ actor: 'ab12' })).toBe('管理员（已不是管理员或已删除）');
});

test('detailView: open sessions with their device, audit newest first, role changes spelled out', () => {
  const now = Date.UTC(2026, 5, 1);
  const result: AdminGetResponse = {
    user: {
      openid: 'o-1',
      nickName: '',
      avatarUrl: '',
      gender: 0,
      country: '',
      province: '',
      city: '',
      language: '',
      createdAt: 0,
      lastLoginAt: 0,
      updatedAt: 0,
      loginCount: 1,
      roles: ['admin', 'editor'],
      phone: null,
      status: 'disabled',
      activeSessions: 1,
    },
    sessions: [
      {
        createdAt: now - 1000,
        expiresAt: now + 1000,
        revokedAt: null,
        client: { model: 'iPhone 8', platform: 'ios', version: '8.0.5' },
      },
      { createdAt: now - 9000, expiresAt: now + 1000, revokedAt: now - 10, revokedReason: 'admin' },
      { createdAt: now - 9000, expiresAt: now - 1, revokedAt: null },
    ],
    audit: [
      entry({ time: 1, action: 'account.created' }),
      entry({
        time: 3,
        action: 'roles.changed',
        actor: 'h',
        actorOpenid: 'o-root',
        details: { to: ['admin'] },
      }),
      entry({ time: 2, action: 'sessions.revoked', actor: 'system' }),
    ],
  };
  const view = detailView(result, now);
  expect(view).toMatchObject({
    openid: 'o-1',
    nickName: '未设置昵称',
    statusText: '已停用',
    rolesText: 'admin、editor',
  });
  expect(view.sessions).toEqual([
    {
      created: beijingTime(now - 1000),
      expires: beijingTime(now + 1000),
      device: 'iPhone 8 · ios · 微信 8.0.5',
    },
  ]);
  expect(view.audit.map((a) => [a.action, a.actor, a.note])).toEqual([
    ['更改角色', '管理员 o-root', '角色改为 admin'],
    ['强制下线', '系统', ''],
    ['注册账号', '本人', ''],
  ]);
});
