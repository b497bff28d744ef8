import { invalidArgument } from '../errors';

/**
 * WeChat's 授权用户信息变更 push (event name authorized_user_information_changes), as the official
 * message-push docs define it:
 * https://developers.weixin.qq.com/miniprogram/dev/server/event_push/platform/authorized_user_information_changes
 *   { ToUserName, FromUserName, CreateTime, MsgType: "event", Event, OpenID, AppID, RevokeInfo,
 *     PluginID?, OpenPID? }
 * Event: user_info_modified (the platform cleaned the profile), user_authorization_revoke (the
 * user took back what RevokeInfo names), user_authorization_cancellation (the WeChat account was
 * closed). RevokeInfo codes we hold data for: 6 昵称和头像, 8 手机号, 19 微信昵称, 20 微信头像;
 * the others (address, camera, ...) name nothing this project stores.
 * A plugin-scene revoke (PluginID/OpenPID) is about a plugin's user, not ours: ignored.
 */
export const AUTHORIZATION_EVENTS = [
  'user_info_modified',
  'user_authorization_revoke',
  'user_authorization_cancellation',
] as const;
export type AuthorizationEventName = (typeof AUTHORIZATION_EVENTS)[number];

/** What a revoke (or the platform's own profile clean-up) takes away from what we store. */
export type RevokedScope = 'nickName' | 'avatar' | 'phone';

const SCOPES_BY_CODE: Record<string, RevokedScope[]> = {
  '6': ['nickName', 'avatar'],
  '8': ['phone'],
  '19': ['nickName'],
  '20': ['avatar'],
};

export interface AuthorizationChange {
  event: AuthorizationEventName;
  openid: string;
  /** Codes as sent (for the audit entry); scopes: what we clear. */
  revokeCodes: string[];
  scopes: RevokedScope[];
  plugin: boolean;
}

const OPENID = /^[A-Za-z0-9_-]{1,128}$/;
const MAX_CODES = 32;

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return typeof value === 'string' ? value.trim() : undefined;
}

/** RevokeInfo is one code in the docs' examples; a comma list is accepted too. */
function parseCodes(value: unknown): string[] {
  const raw = text(value);
  if (raw === undefined || raw === '') throw invalidArgument('RevokeInfo', 'missing');
  const codes = raw.split(',').map((code) => code.trim());
  if (codes.length > MAX_CODES || codes.some((code) => !/^\d{1,4}$/.test(code)))
    throw invalidArgument('RevokeInfo', 'not_allowed');
  return [...new Set(codes)];
}

/** Validates the whole event before anything is read or written. */
export function parseAuthorizationChange(event: Record<string, unknown>): AuthorizationChange {
  if (text(event.MsgType)?.toLowerCase() !== 'event')
    throw invalidArgument('MsgType', 'not_allowed');
  const name = text(event.Event);
  if (name === undefined || name === '') throw invalidArgument('Event', 'missing');
  if (!(AUTHORIZATION_EVENTS as readonly string[]).includes(name))
    throw invalidArgument('Event', 'not_allowed');
  const openid = text(event.OpenID);
  if (openid === undefined || openid === '') throw invalidArgument('OpenID', 'missing');
  if (!OPENID.test(openid)) throw invalidArgument('OpenID', 'not_allowed');
  const plugin = text(event.PluginID) !== undefined && text(event.PluginID) !== '';
  let revokeCodes: string[] = [];
  let scopes: RevokedScope[] = [];
  if (name === 'user_authorization_revoke') {
    revokeCodes = parseCodes(event.RevokeInfo);
    scopes = revokeCodes.flatMap((code) => SCOPES_BY_CODE[code] ?? []);
  } else if (name === 'user_info_modified') {
    // The platform cleaned the avatar and nickname; the docs ask us to clear our copies too.
    scopes = ['nickName', 'avatar'];
  }
  if (plugin) scopes = [];
  return {
    event: name as AuthorizationEventName,
    openid,
    revokeCodes,
    scopes: [...new Set(scopes)],
    plugin,
  };
}
