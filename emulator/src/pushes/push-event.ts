/**
 * A push as the receiving function's `event` sees it: production's JSON push format (the
 * `FromUserName`, `ToUserName`, `CreateTime`, `MsgType`, `Event` keys of the message-push
 * docs), with what the platform fills in (`ToUserName`, `CreateTime`, `MsgId` of messages)
 * added when the sender leaves it out.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_APPID } from '../functions/invocation-env';
import { badRequest } from '../http/http-error';
import { isPlainObject } from '../shared/plain-object';

export type PushEvent = Record<string, unknown> & {
  ToUserName: string;
  FromUserName: string;
  CreateTime: number;
  MsgType: string;
  Event?: string;
};

/** Field each common push cannot do without (production's formats); others pass as given. */
const REQUIRED: Record<string, readonly string[]> = {
  text: ['Content'],
  image: ['PicUrl', 'MediaId'],
  miniprogrampage: ['Title', 'PagePath'],
  // v2 pushes carry `result`, v1 pushes `isrisky`: only the trace id is common to both.
  'event:wxa_media_check': ['trace_id'],
  'event:user_authorization_revoke': ['OpenID', 'RevokeInfo'],
};

/**
 * Platform events that name the mini program in a field of their own (production's formats:
 * `AppID` in the authorization-change events, `appid` in wxa_media_check): filled in with the
 * emulated appid when the sender leaves it out.
 */
const APPID_FIELD: Record<string, string> = {
  user_authorization_revoke: 'AppID',
  user_info_modified: 'AppID',
  user_authorization_cancellation: 'AppID',
  wxa_media_check: 'appid',
};

/**
 * Events a user causes in a customer-service chat come from that user; every other event comes
 * from the platform: its `FromUserName` is the platform push account (production's docs:
 * "Platform Push Service UserName") and the user, if any, is in a field such as `OpenID`.
 */
const USER_EVENTS = new Set(['user_enter_tempsession']);
export const PLATFORM_PUSH_USER = 'o-platform-push-service';

/** Whether the push comes from a user (then the function's OPENID is that user) or the platform. */
export const fromUser = (event: PushEvent): boolean =>
  event.MsgType !== 'event' || USER_EVENTS.has(event.Event ?? '');

const MAX_PUSH_BYTES = 64 * 1024;

export function pushEvent(input: unknown, nowMs: number): PushEvent {
  if (!isPlainObject(input))
    throw badRequest(
      'a push is an object such as {"MsgType":"text","FromUserName":"<openid>","Content":"你好"}',
    );
  if (JSON.stringify(input).length > MAX_PUSH_BYTES) throw badRequest('a push is at most 64 KB');
  const { MsgType, Event, FromUserName } = input;
  if (typeof MsgType !== 'string' || MsgType === '') throw badRequest('MsgType is required');
  if (MsgType === 'event' && (typeof Event !== 'string' || Event === ''))
    throw badRequest('Event is required when MsgType is "event"');
  const byUser = MsgType !== 'event' || USER_EVENTS.has(Event as string);
  if (
    FromUserName !== undefined &&
    (typeof FromUserName !== 'string' || FromUserName.trim() === '')
  )
    throw badRequest('FromUserName must be a non-empty string');
  if (byUser && FromUserName === undefined)
    throw badRequest('FromUserName (the openid of the user who sent it) is required');
  const kind = MsgType === 'event' ? `event:${Event as string}` : MsgType;
  for (const field of REQUIRED[kind] ?? []) {
    if (input[field] === undefined) throw badRequest(`${field} is required in a ${kind} push`);
  }
  const appidField = MsgType === 'event' ? APPID_FIELD[Event as string] : undefined;
  const event: PushEvent = {
    ToUserName: DEFAULT_APPID,
    CreateTime: Math.floor(nowMs / 1000),
    ...(appidField ? { [appidField]: DEFAULT_APPID } : {}),
    ...input,
    FromUserName: (FromUserName as string | undefined) ?? PLATFORM_PUSH_USER,
    MsgType,
  };
  // Messages a user sends carry a MsgId; events do not.
  if (MsgType !== 'event' && event.MsgId === undefined)
    event.MsgId = `${randomBytes(16).toString('hex')}_${event.CreateTime}`;
  return event;
}
