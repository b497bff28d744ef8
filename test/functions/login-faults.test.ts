/**
 * Login when the database fails part-way (targeted fault injection): no usable session is ever
 * left without its user, a lost reply is decided by reading the document, and a failed
 * createCollection surfaces its own error instead of a misleading "collection not exists".
 */
import type { CheckSessionResponse, LoginResponse } from '../../contract/src';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';

let fx: FunctionsHarness;
const logs: string[] = [];

beforeAll(async () => {
  fx = await startFunctions();
  fx.emulator.events.on('invocation', (event) => {
    for (const line of event.logs) logs.push(line.text);
  });
});
afterEach(() => {
  fx.emulator.database.setFaults({ faultRate: 0, action: '', collection: '', when: 'before' });
});
afterAll(() => fx.stop());

test('(fresh environment) a failing createCollection is the error logged, not -502005', async () => {
  fx.emulator.database.setFaults({ faultRate: 1, action: 'database.addCollection' });
  logs.length = 0;
  expect(errorOf(await fx.call('login', {}, { openid: 'create-fails' })).code).toBe('INTERNAL');
  const logged = logs.join('\n');
  expect(logged).toContain('injected fault');
  expect(logged).not.toMatch(/collection not exist/i);
});

test('a failed user insert of a first login leaves no session behind', async () => {
  // Both collections exist, so a session insert would be one request, racing the user insert.
  dataOf(await fx.call('login', {}, { openid: 'someone-else' }));
  fx.emulator.database.setFaults({
    faultRate: 1,
    action: 'database.insertDocument',
    collection: 'users',
  });
  expect(errorOf(await fx.call('login', {}, { openid: 'orphan-candidate' })).code).toBe('INTERNAL');
  fx.emulator.database.setFaults({ faultRate: 0 });
  expect(await fx.documents('users', { _id: 'orphan-candidate' })).toEqual([]);
  expect(await fx.documents('sessions', { openid: 'orphan-candidate' })).toEqual([]);
});

test('a user insert whose reply is lost: login reads the document and succeeds once', async () => {
  fx.emulator.database.setFaults({
    faultRate: 1,
    action: 'database.insertDocument',
    collection: 'users',
    when: 'after',
  });
  const openid = 'lost-reply';
  const login = dataOf(await fx.call<LoginResponse>('login', {}, { openid }));
  expect(login.isNewUser).toBe(true);
  fx.emulator.database.setFaults({ faultRate: 0 });
  const users = await fx.documents<{ loginCount: number }>('users', { _id: openid });
  expect(users.map((u) => u.loginCount)).toEqual([1]);
  expect(await fx.documents('sessions', { openid })).toHaveLength(1);
  const check = await fx.call<CheckSessionResponse>(
    'checkSession',
    { token: login.token },
    { openid },
  );
  expect(dataOf(check).valid).toBe(true);
});
