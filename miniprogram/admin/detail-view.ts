/**
 * 用户详情的显示格式：会话与审计记录转成页面直接显示的中文文字（北京时间、操作名称、操作人）。
 *
 * Formatting for the admin page's detail view, kept out of the page so it can be tested alone.
 */
import type {
  AdminGetResponse,
  AdminSession,
  AuditAction,
  AuditEntry,
} from 'wx-cloud-login-miniprogram';

const BEIJING_OFFSET_MS = 8 * 3600_000;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A time in 北京时间 whatever the phone's time zone: shifted by UTC+8 and read as UTC (China has
 * no daylight saving time), so an admin abroad sees the same times as the operators.
 */
export function beijingTime(ms: number): string {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}（北京时间）`;
}

/** Every action the server writes; a Record so a new action fails typecheck until it has words. */
const ACTION_LABELS: Record<AuditAction, string> = {
  'account.created': '注册账号',
  'profile.updated': '修改资料',
  'phone.changed': '更换手机号',
  'status.changed': '更改账号状态',
  'roles.changed': '更改角色',
  'sessions.revoked': '强制下线',
  'account.deleted': '删除账号',
};

const PHONE_CHANGES: Record<string, string> = { bound: '绑定手机号', unbound: '解绑手机号' };

/** The action in Chinese words; details say which way a status or phone binding changed. */
export function actionLabel(entry: Pick<AuditEntry, 'action' | 'details'>): string {
  const details = entry.details ?? {};
  if (entry.action === 'status.changed') {
    if (details.to === 'disabled') return '停用账号';
    if (details.to === 'active') return '启用账号';
  }
  if (entry.action === 'phone.changed' && typeof details.change === 'string') {
    return PHONE_CHANGES[details.change] ?? ACTION_LABELS['phone.changed'];
  }
  return (ACTION_LABELS as Record<string, string>)[entry.action] ?? entry.action;
}

const ACTORS: Record<string, string> = { self: '本人', system: '系统', wechat: '微信' };

/** Who acted: 本人 / 管理员 <openid> / 系统 / 微信 (an admin the server no longer knows: 已不是管理员). */
export function actorLabel(entry: Pick<AuditEntry, 'actor' | 'actorOpenid'>): string {
  const named = ACTORS[entry.actor];
  if (named) return named;
  return entry.actorOpenid ? `管理员 ${entry.actorOpenid}` : '管理员（已不是管理员或已删除）';
}

/** What a role change set, in words (e.g. 角色改为 admin、editor). */
function actionNote(entry: AuditEntry): string {
  const to = entry.details?.to;
  if (entry.action === 'roles.changed' && Array.isArray(to))
    return to.length > 0 ? `角色改为 ${to.join('、')}` : '角色改为 无';
  return '';
}

export interface SessionRow {
  created: string;
  expires: string;
  device: string;
}

export interface AuditRow {
  key: string;
  time: string;
  action: string;
  note: string;
  actor: string;
}

export interface DetailView {
  openid: string;
  nickName: string;
  statusText: string;
  rolesText: string;
  sessions: SessionRow[];
  audit: AuditRow[];
}

/** The device a session was opened on (model, platform, WeChat version), or 未知设备. */
function device(client: AdminSession['client']): string {
  if (!client) return '未知设备';
  const parts = [client.model, client.platform, client.version && `微信 ${client.version}`];
  const known = parts.filter((part): part is string => Boolean(part));
  return known.length > 0 ? known.join(' · ') : '未知设备';
}

/** The detail as the page shows it: open sessions only, audit entries newest first. */
export function detailView(result: AdminGetResponse, now: number): DetailView {
  const { user } = result;
  const open = result.sessions.filter((s) => s.revokedAt === null && s.expiresAt > now);
  const audit = [...result.audit].sort((a, b) => b.time - a.time);
  return {
    openid: user.openid,
    nickName: user.nickName || '未设置昵称',
    statusText: user.status === 'disabled' ? '已停用' : '正常',
    rolesText: user.roles.length > 0 ? user.roles.join('、') : '无',
    sessions: open.map((s) => ({
      created: beijingTime(s.createdAt),
      expires: beijingTime(s.expiresAt),
      device: device(s.client),
    })),
    audit: audit.map((entry, index) => ({
      key: `${entry.requestId}-${entry.time}-${index}`,
      time: beijingTime(entry.time),
      action: actionLabel(entry),
      note: actionNote(entry),
      actor: actorLabel(entry),
    })),
  };
}
