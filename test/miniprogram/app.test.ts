/**
 * app.ts with the WeChat runtime stubbed (App() captures the options, wx records calls):
 * wx.cloud.init once with the configured env and traceUser; a clear message without wx.cloud;
 * the first onShow (the launch itself) does not refresh, a later one does.
 */
import { CLOUD_ENV_ID } from '../../miniprogram/config/env';

interface AppOptions {
  onLaunch(): void;
  onShow(): void;
}

function loadApp(wx: object): AppOptions {
  let captured: AppOptions | undefined;
  Object.assign(globalThis, { wx, App: (options: AppOptions) => (captured = options) });
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../miniprogram/app');
  });
  if (!captured) throw new Error('app.ts did not call App()');
  return captured;
}

afterEach(() => {
  delete (globalThis as { wx?: unknown }).wx;
  delete (globalThis as { App?: unknown }).App;
});

function fakeWx(stored: Record<string, unknown> = {}) {
  const inits: unknown[] = [];
  const called: string[] = [];
  const loadings: string[] = [];
  const networkListeners: Array<(status: { isConnected: boolean }) => void> = [];
  let offline = false;
  const wx = {
    cloud: {
      init: (config: unknown) => void inits.push(config),
      callFunction: async ({ name }: { name: string }) => {
        called.push(name);
        if (offline) throw { errCode: -1, errMsg: 'cloud.callFunction:fail request:fail' };
        return { result: { ok: false, error: { code: 'INTERNAL', message: 'offline test' } } };
      },
    },
    getStorageSync: (key: string) => stored[key] ?? '',
    setStorageSync: (key: string, value: unknown) => void (stored[key] = value),
    removeStorageSync: (key: string) => void delete stored[key],
    showLoading: () => void loadings.push('show'),
    hideLoading: () => void loadings.push('hide'),
    onNetworkStatusChange: (listener: (status: { isConnected: boolean }) => void) =>
      void networkListeners.push(listener),
  };
  const setOffline = (value: boolean) => (offline = value);
  return { wx, inits, called, loadings, networkListeners, setOffline };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const SESSION_KEY = 'wx-cloud-login:session';
const quiet = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);

it('initialises wx.cloud once with the env id and traceUser, and logs in at launch', async () => {
  const errors = quiet();
  const { wx, inits, called, loadings } = fakeWx();
  const app = loadApp(wx);
  app.onLaunch();
  expect(inits).toEqual([{ env: CLOUD_ENV_ID, traceUser: true }]);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(called).toEqual(['login']);

  app.onShow(); // the launch's own onShow: no refresh
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(called).toEqual(['login']);
  app.onShow(); // back from the background: refresh (no session yet, so a login)
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(called).toEqual(['login', 'login']);
  expect(loadings).toEqual([]); // silent logins never cover the page with a masked toast
  errors.mockRestore();
});

it('a launch after 退出登录 makes no call: the user stays logged out until they log in', async () => {
  const { wx, called } = fakeWx({ [`${SESSION_KEY}:logged-out`]: true });
  const app = loadApp(wx);
  app.onLaunch();
  await settle();
  app.onShow();
  app.onShow();
  await settle();
  expect(called).toEqual([]);
});

it('a launch with a session not checked recently confirms it (renewal reaches the phone)', async () => {
  const errors = quiet();
  const user = { nickName: '', avatarUrl: '', gender: 0, loginCount: 1 };
  const session = { token: 't'.repeat(43), expiresAt: Date.now() + 3_600_000, user, checkedAt: 0 };
  const { wx, called } = fakeWx({ [SESSION_KEY]: session });
  loadApp(wx).onLaunch();
  await settle();
  expect(called).toEqual(['checkSession']);
  errors.mockRestore();
});

it('a launch that failed offline logs in by itself when the network comes back', async () => {
  const errors = quiet();
  const { wx, called, networkListeners, setOffline } = fakeWx();
  setOffline(true);
  loadApp(wx).onLaunch();
  await settle();
  expect(called).toEqual(['login']);
  setOffline(false);
  for (const listener of networkListeners) listener({ isConnected: true });
  await settle();
  expect(called).toEqual(['login', 'login']);
  errors.mockRestore();
});

it('without wx.cloud it explains in Chinese instead of throwing', () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const app = loadApp({});
  expect(() => app.onLaunch()).not.toThrow();
  expect(errors).toHaveBeenCalledWith(expect.stringContaining('基础库'));
  expect(() => app.onShow()).not.toThrow();
  errors.mockRestore();
});
