/**
 * A function uploaded without cloudbaserc.json's envVariables (WeChat DevTools ignores them)
 * runs with the values the build baked in from cloudbaserc.json, not with a second copy.
 */
import type { LoginResponse } from '../../contract/src';
import { CONFIG_VARIABLES } from '../../server/src/config';
import { rcEnvVariables } from '../support/cloudbaserc';
import { dataOf, startFunctions, type FunctionsHarness } from './support/harness';

let fx: FunctionsHarness;

beforeAll(async () => {
  // Blank is what an unset console variable looks like to the function.
  fx = await startFunctions(Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, ''])));
});
afterAll(() => fx.stop());

test('login with every variable blank: the TTL and collections of cloudbaserc.json', async () => {
  const before = Date.now();
  const login = dataOf(await fx.call<LoginResponse>('login', {}, { openid: 'built-in-config' }));
  const ttlMs = Number(rcEnvVariables.SESSION_TTL_SECONDS) * 1000;
  expect(login.expiresAt).toBeGreaterThanOrEqual(before + ttlMs);
  expect(login.expiresAt).toBeLessThanOrEqual(Date.now() + ttlMs);
  const users = await fx.documents(rcEnvVariables.USERS_COLLECTION ?? '', {
    _id: 'built-in-config',
  });
  expect(users).toHaveLength(1);
});
