/**
 * A scripted wx.cloud for session manager rules that need a misbehaving server or network (the
 * WeChat client runtime is the one thing tests stub), and a manager wired to it with a fixed
 * clock, recorded sleeps and a counting loading indicator.
 */
import { success, type PublicUser } from '../../../contract/src/index';
import type { CloudFunctionCaller } from '../../../client/src/lib/call';
import { SessionManager } from '../../../client/src/lib/session/session-manager';
import type { SessionDeps } from '../../../client/src/lib/session/types';
import { newUserDoc, toPublicUser } from '../../../server/src/users';
import { memoryStorage } from './counting-cloud';

export const NOW = 1_800_000_000_000;
/** A first-login user exactly as the server builds one (not a hand-kept copy of its fields). */
export const USER: PublicUser = toPublicUser(
  newUserDoc({ openid: 'o-scripted' }, NOW, {}),
  [],
  undefined,
);

type Handler = (data: Record<string, unknown>) => unknown;
export const offline = () => {
  const errMsg = 'cloud.callFunction:fail request:fail';
  throw Object.assign(new Error(errMsg), { errCode: -1, errMsg });
};

/** A wx.cloud whose functions answer as scripted; logins hand out token-1, token-2, ... */
export function scriptedCloud(
  handlers: Record<string, Handler>,
  options: { serverNow?: () => number } = {},
): CloudFunctionCaller & { calls: string[] } {
  const calls: string[] = [];
  let logins = 0;
  const defaults: Record<string, Handler> = {
    login: () => {
      logins += 1;
      return success({
        token: `token-${logins}`,
        expiresAt: NOW + 86_400_000,
        user: USER,
        isNewUser: false,
      });
    },
  };
  return {
    calls,
    async callFunction({ name, data }) {
      calls.push(name);
      const handler = handlers[name] ?? defaults[name];
      if (!handler) throw new Error(`unexpected call ${name}`);
      const result = handler((data ?? {}) as Record<string, unknown>);
      // Like the real functions, stamp the envelope with the server's clock when told to.
      if (options.serverNow && typeof result === 'object' && result !== null) {
        return { result: { ...result, serverTime: options.serverNow() } };
      }
      return { result };
    },
  };
}

export function manager(cloud: CloudFunctionCaller, extra: Partial<SessionDeps> = {}) {
  const sleeps: number[] = [];
  const loading = {
    shown: 0,
    hidden: 0,
    show: () => void loading.shown++,
    hide: () => void loading.hidden++,
  };
  const session = new SessionManager({
    cloud,
    storage: memoryStorage(),
    now: () => NOW,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    loading,
    onCallFailure: () => undefined, // logging has its own test (error-log.test.ts)
    ...extra,
  });
  return { session, sleeps, loading };
}
