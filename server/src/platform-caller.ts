import type { WxContext } from './cloud';
import { AppError } from './errors';

/**
 * Who may run the functions only the platform should run (see docs/functions.md, "Trust model").
 * "No OPENID" proves nothing: web access without login, multi-platform apps (多端应用) and HTTP
 * access call functions without one. What the platform sets and a caller cannot is
 * `getWXContext().SOURCE`, the comma-joined call chain (`wx_client,scf` when a mini program
 * called a function that called this one), and the `FROM_*` keys of a cross-account call.
 */

/** Sources that are a person's client or something other than WeChat's own platform. */
export const CLIENT_SOURCES = ['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_crawler'] as const;
/** Documented sources that are a known kind of caller, but not a message push. */
const NOT_A_PUSH = ['wx_http', 'wx_trigger', 'wx_paycallback', 'scf', ...CLIENT_SOURCES];
const CROSS_ACCOUNT_KEYS = ['FROM_OPENID', 'FROM_APPID', 'FROM_UNIONID'] as const;

export interface PlatformCaller {
  /** SOURCE split into its chain; empty when the context had none. */
  source: string[];
  /** Another mini program's user, through environment sharing. */
  crossAccount: boolean;
  /** OPENID in the context, '' when absent. */
  openid: string;
  /** The environment the function runs in (ENV), '' when absent. */
  env: string;
}

function text(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value.trim() : '';
}

export function platformCallerOf(context: WxContext): PlatformCaller {
  const raw = context as Record<string, unknown>;
  return {
    source: text(context.SOURCE)
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
    crossAccount: CROSS_ACCOUNT_KEYS.some((key) => text(raw[key]) !== ''),
    openid: text(context.OPENID),
    env: text(context.ENV),
  };
}

/**
 * A timer trigger: SOURCE is exactly `wx_trigger` (documented), with no user and no other
 * account. Anything else (a client, a chain through another function, a console test run)
 * is refused before anything is read.
 */
export function assertTimerTrigger(caller: PlatformCaller): void {
  const [only, ...rest] = caller.source;
  if (caller.crossAccount || caller.openid !== '' || only !== 'wx_trigger' || rest.length > 0)
    throw new AppError('PERMISSION_DENIED');
}

/**
 * A WeChat message push about `subject`. The push's SOURCE is not documented, so this accepts
 * one link that is none of the documented non-push callers (the emulator labels it
 * `wx_message_push`). A push may carry an OPENID (the official customer-service push sample
 * replies to `getWXContext().OPENID`): then it is the subject's, never someone else's.
 */
export function assertMessagePush(caller: PlatformCaller, subject: string): void {
  const [only, ...rest] = caller.source;
  const refused =
    caller.crossAccount ||
    only === undefined ||
    rest.length > 0 ||
    NOT_A_PUSH.includes(only) ||
    (caller.openid !== '' && caller.openid !== subject);
  if (refused) throw new AppError('PERMISSION_DENIED');
}
