/** A function that throws, crashes, hangs or fails to load: -504002, and the host recovers. */
import {
  startEmulator,
  type InvocationEvent,
  type RunningEmulator,
} from '../../../emulator/src/index';
import { buildEmulator, fixtureProject, isAlive, waitFor } from './support';

let emu: RunningEmulator;
const invocations: InvocationEvent[] = [];
const caller = { openid: 'o-failures' };

beforeAll(async () => {
  buildEmulator();
  emu = await startEmulator({ project: fixtureProject });
  emu.events.on('invocation', (event) => invocations.push(event));
});

afterAll(async () => {
  await emu?.stop();
});

function lastInvocation(requestId: string | undefined): InvocationEvent | undefined {
  return invocations.find((event) => event.requestId === requestId);
}

test('main throwing fails the call with -504002 and the error message, and logs the stack', async () => {
  const reply = await emu.callFunction('thrower', { message: 'boom here' }, caller);
  expect(reply.status).toBe(500);
  expect(reply.errCode).toBe(-504002);
  expect(reply.errMsg).toBe('functions execute fail | errMsg: boom here');
  expect(reply.body).toEqual({
    errCode: -504002,
    errMsg: reply.errMsg,
    requestID: reply.requestID,
  });
  const event = lastInvocation(reply.requestID);
  expect(event).toMatchObject({
    functionName: 'thrower',
    ok: false,
    errCode: -504002,
    openid: 'o-failures',
  });
  const logText = event?.logs.map((line) => line.text).join('\n') ?? '';
  expect(logText).toContain('about to throw boom here');
  expect(logText).toContain('Error: boom here');
});

test('process.exit inside main fails the call and the next call gets a fresh instance', async () => {
  const warm = await emu.callFunction('crasher', { how: 'nothing' }, caller);
  expect(warm.errCode).toBe(-504002);
  expect(warm.errMsg).toMatch(/function process exited before returning \(code 3\)/);
  const again = await emu.callFunction('crasher', { how: 'nothing' }, caller);
  expect(again.errCode).toBe(-504002);
  expect(emu.functions.instanceCount('crasher')).toBeLessThanOrEqual(1);
});

test('an uncaught exception outside main ends the invocation with its message', async () => {
  const reply = await emu.callFunction('crasher', { how: 'uncaught' }, caller);
  expect(reply.status).toBe(500);
  expect(reply.errMsg).toBe('functions execute fail | errMsg: thrown outside main');
});

test('a call past its timeout fails with -504002, and the sleeping instance is killed and replaced', async () => {
  const first = await emu.callFunction('sleeper', { ms: 10 }, caller);
  expect(first.status).toBe(200);
  const oldPid = (first.result as { pid: number }).pid;

  // No stopwatch: the answer says the 1 s timeout fired, and the instance that was still
  // sleeping (20 s) is gone, so the call cannot have waited for the sleep to end.
  const slow = await emu.callFunction('sleeper', { ms: 20_000 }, caller);
  expect(slow.status).toBe(504);
  expect(slow.errCode).toBe(-504002);
  expect(slow.errMsg).toBe(
    'functions execute fail | errMsg: Invoking task timed out after 1 seconds',
  );

  const after = await emu.callFunction('sleeper', { ms: 10 }, caller);
  expect(after.status).toBe(200);
  expect((after.result as { pid: number }).pid).not.toBe(oldPid);
  expect(await waitFor(() => !isAlive(oldPid), 5000)).toBe(true);
});

test('a function that throws while loading fails every call with its load error', async () => {
  for (let i = 0; i < 2; i += 1) {
    const reply = await emu.callFunction('brokenLoad', {}, caller);
    expect(reply.errCode).toBe(-504002);
    expect(reply.errMsg).toBe('functions execute fail | errMsg: broken at load time');
  }
});

test('an unknown function is -504001 (404); a listed one that is not built says what to do', async () => {
  const unknown = await emu.callFunction('noSuchFunction', {}, caller);
  expect(unknown.status).toBe(404);
  expect(unknown.errCode).toBe(-504001);
  expect(unknown.errMsg).toContain('"noSuchFunction" not found');

  const missing = await emu.callFunction('listedButMissing', {}, caller);
  expect(missing.status).toBe(404);
  expect(missing.errCode).toBe(-504001);
  expect(missing.errMsg).toContain('npm run build');

  const outside = await emu.callFunction('../echo', {}, caller);
  expect(outside.errCode).toBe(-504001);
});

test('after all of that the emulator still serves a normal call', async () => {
  const reply = await emu.callFunction('counter', {}, caller);
  expect(reply.status).toBe(200);
  expect(reply.result).toMatchObject({ count: expect.any(Number) });
});
