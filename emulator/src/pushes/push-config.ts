/**
 * Which function receives which message push. Production keeps this in the cloud console
 * (云开发 → 设置 → 其他设置 → 消息推送: 消息类型 MsgType, 事件类型 Event, 云函数), one function per
 * <MsgType, Event> pair, not in any project file; the emulator reads the same three columns
 * from `<project>/message-push.json`:
 *
 *   { "pushes": [
 *     { "msgType": "text", "function": "customerService" },
 *     { "msgType": "event", "event": "user_authorization_revoke", "function": "onRevoke" } ] }
 *
 * `event` is left out (or "") for plain messages (text, image, miniprogrampage).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isPlainObject } from '../shared/plain-object';

export const PUSH_CONFIG_FILE = 'message-push.json';

export interface PushRoute {
  msgType: string;
  /** '' for plain messages. */
  event: string;
  function: string;
}

export class PushConfigError extends Error {
  readonly code = 'PUSH_CONFIG_INVALID';
  constructor(reason: string) {
    super(`${PUSH_CONFIG_FILE}: ${reason}`);
    this.name = 'PushConfigError';
  }
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** The routes of a project (none without the file); `known(name)` says whether a function exists. */
export function readPushRoutes(projectDir: string, known: (fn: string) => boolean): PushRoute[] {
  let text: string;
  try {
    text = readFileSync(path.join(projectDir, PUSH_CONFIG_FILE), 'utf8');
  } catch {
    return [];
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PushConfigError(`not JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(raw) || !Array.isArray(raw.pushes))
    throw new PushConfigError('must be {"pushes": [{"msgType", "event"?, "function"}]}');
  const routes: PushRoute[] = [];
  raw.pushes.forEach((entry: unknown, index) => {
    const route = toRoute(entry, `pushes[${index}]`);
    if (!known(route.function))
      throw new PushConfigError(
        `pushes[${index}] names function "${route.function}", which the project does not have`,
      );
    if (routes.some((r) => r.msgType === route.msgType && r.event === route.event))
      throw new PushConfigError(
        `pushes[${index}]: ${pairName(route)} is routed twice (production allows one function per pair)`,
      );
    routes.push(route);
  });
  return routes;
}

function toRoute(entry: unknown, where: string): PushRoute {
  if (!isPlainObject(entry)) throw new PushConfigError(`${where} must be an object`);
  const { msgType, event = '', function: fn } = entry;
  if (typeof msgType !== 'string' || !NAME.test(msgType))
    throw new PushConfigError(`${where}.msgType must be a message type such as "text" or "event"`);
  if (typeof event !== 'string' || (event !== '' && !NAME.test(event)))
    throw new PushConfigError(`${where}.event must be an event type such as "wxa_media_check"`);
  if ((msgType === 'event') !== (event !== ''))
    throw new PushConfigError(`${where}: "event" goes with msgType "event" and only with it`);
  if (typeof fn !== 'string' || fn === '')
    throw new PushConfigError(`${where}.function is required`);
  return { msgType, event, function: fn };
}

export const pairName = (route: Pick<PushRoute, 'msgType' | 'event'>): string =>
  route.event ? `<${route.msgType}, ${route.event}>` : `<${route.msgType}>`;
