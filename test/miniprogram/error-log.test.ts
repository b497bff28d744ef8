/**
 * Failures are visible to the developer: every failed call is logged with its errCode/errMsg to
 * the console and to the realtime log manager; development builds show the raw reason on the page.
 */
import { createCall } from '../../client/src/lib/call';
import { CloudCallError } from '../../client/src/lib/cloud-error';
import { displayMessage } from '../../client/src/lib/error-log';

const ENV_MISSING = 'cloud.callFunction:fail Error: errCode: -501000  | errMsg: env not exists';

function installWx(envVersion: string) {
  const realtime = { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
  Object.assign(globalThis, {
    wx: {
      getRealtimeLogManager: () => realtime,
      getAccountInfoSync: () => ({ miniProgram: { envVersion } }),
    },
  });
  return realtime;
}

afterEach(() => {
  delete (globalThis as { wx?: unknown }).wx;
  jest.restoreAllMocks();
});

it('a failed call is logged with errCode and errMsg, to the console and the realtime log', async () => {
  const realtime = installWx('release');
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const call = createCall(() => ({
    callFunction: () => Promise.reject({ errCode: -501000, errMsg: ENV_MISSING }),
  }));
  await expect(call('login', {})).rejects.toMatchObject({ code: 'ENV_NOT_FOUND' });
  const line = `[wx-cloud-login] login failed: ENV_NOT_FOUND errCode=-501000 errMsg=${ENV_MISSING}`;
  expect(errors).toHaveBeenCalledWith(line);
  expect(realtime.error).toHaveBeenCalledWith(line);
});

it('a rejected session is routine: a warning, not an error', async () => {
  const realtime = installWx('release');
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const call = createCall(() => ({
    callFunction: async () => ({ result: { ok: false, error: { code: 'SESSION_EXPIRED' } } }),
  }));
  await expect(call('checkSession', { token: 'x' })).rejects.toMatchObject({
    code: 'SESSION_EXPIRED',
  });
  expect(errors).not.toHaveBeenCalled();
  expect(warnings).toHaveBeenCalledTimes(1);
  expect(realtime.warn).toHaveBeenCalledTimes(1);
});

it('development builds show the real reason; released ones only the Chinese text', () => {
  const error = new CloudCallError({
    code: 'ENV_NOT_FOUND',
    functionName: 'login',
    errCode: -501000,
    errMsg: ENV_MISSING,
  });
  installWx('develop');
  expect(displayMessage(error)).toBe(`云开发环境不存在，请联系开发者（-501000 ${ENV_MISSING}）`);
  installWx('release');
  expect(displayMessage(error)).toBe('云开发环境不存在，请联系开发者');
  // Business errors have no raw errCode: the text is the same in every build.
  const business = new CloudCallError({ code: 'INTERNAL', functionName: 'login' });
  expect(displayMessage(business, true)).toBe(business.message);
});
