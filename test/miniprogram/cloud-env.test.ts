/**
 * 体验版 and 正式版 on different CloudBase environments (issue 26, item 7): the env id is picked
 * from wx.getAccountInfoSync().miniProgram.envVersion, so testers of a trial build never write
 * into the production database.
 */
import { envIdFor } from '../../miniprogram/utils/cloud-env';

const ids = { develop: 'env-dev', trial: 'env-trial', release: 'env-prod' };

afterEach(() => {
  delete (globalThis as { wx?: unknown }).wx;
});

test.each([
  ['develop', 'env-dev'],
  ['trial', 'env-trial'],
  ['release', 'env-prod'],
])('envVersion %s uses %s', (envVersion, expected) => {
  Object.assign(globalThis, {
    wx: { getAccountInfoSync: () => ({ miniProgram: { envVersion, appId: 'wx1' } }) },
  });
  expect(envIdFor(ids)).toBe(expected);
});

test('without getAccountInfoSync (base library < 2.2.2) the release environment is used', () => {
  Object.assign(globalThis, { wx: {} });
  expect(envIdFor(ids)).toBe('env-prod');
});
