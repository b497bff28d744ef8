/** cloud.callFunction() inside a function reaches the callee on this host, as in production. */
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { buildEmulator, fixtureProject } from './support';

let emu: RunningEmulator;

beforeAll(async () => {
  buildEmulator();
  emu = await startEmulator({ project: fixtureProject });
});

afterAll(async () => {
  await emu?.stop();
});

test('the callee gets the data, the caller identity and source scf; the caller gets the result', async () => {
  const reply = await emu.callFunction(
    'caller',
    { target: 'echo', payload: { x: 1 } },
    { openid: 'o-nest' },
  );
  expect(reply.status).toBe(200);
  const outer = reply.result as {
    ok: boolean;
    me: string;
    result: { event: unknown; wxContext: Record<string, unknown> };
  };
  expect(outer.ok).toBe(true);
  expect(outer.me).toBe('o-nest');
  expect(outer.result.event).toEqual({
    x: 1,
    userInfo: { appId: 'wx0000000000000000', openId: 'o-nest' },
  });
  expect(outer.result.wxContext).toMatchObject({ OPENID: 'o-nest', SOURCE: 'scf' });
});

// wx-server-sdk 4 turns any error reply of callFunction into an Error with errCode -1 and the
// reply's message after `callFunction:fail ` (its processReturn throws before the code mapping).
test('a failing or unknown callee rejects the caller with the callee error text', async () => {
  const thrown = await emu.callFunction(
    'caller',
    { target: 'thrower', payload: { message: 'inner' } },
    { openid: 'o-nest' },
  );
  expect(thrown.result).toEqual({
    ok: false,
    errCode: -1,
    errMsg: 'callFunction:fail functions execute fail | errMsg: inner',
  });
  const unknown = await emu.callFunction(
    'caller',
    { target: 'nope', payload: {} },
    { openid: 'o-nest' },
  );
  expect(unknown.result).toMatchObject({
    ok: false,
    errMsg: expect.stringContaining('function "nope" not found'),
  });
});
