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

function fakeWx() {
  const inits: unknown[] = [];
  const called: string[] = [];
  const wx = {
    cloud: {
      init: (config: unknown) => void inits.push(config),
      callFunction: async ({ name }: { name: string }) => {
        called.push(name);
        return { result: { ok: false, error: { code: 'INTERNAL', message: 'offline test' } } };
      },
    },
    getStorageSync: () => '',
    setStorageSync: () => undefined,
    removeStorageSync: () => undefined,
    showLoading: () => undefined,
    hideLoading: () => undefined,
  };
  return { wx, inits, called };
}

it('initialises wx.cloud once with the env id and traceUser, and logs in at launch', async () => {
  const { wx, inits, called } = fakeWx();
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
});

it('without wx.cloud it explains in Chinese instead of throwing', () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const app = loadApp({});
  expect(() => app.onLaunch()).not.toThrow();
  expect(errors).toHaveBeenCalledWith(expect.stringContaining('基础库'));
  expect(() => app.onShow()).not.toThrow();
  errors.mockRestore();
});
