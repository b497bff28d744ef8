/**
 * Functions run on the Node their runtime names (two runtimes in one project), fail locally on
 * an API their runtime lacks, and fail with -504002 past their memorySize, with the instance
 * replaced. The binaries come from the shared runtime cache (test/support/runtime-cache.ts).
 */
import path from 'node:path';
import {
  startEmulator,
  type InvocationEvent,
  type RunningEmulator,
} from '../../../emulator/src/index';
import { buildEmulator, repoRoot } from '../host/support';

const project = path.join(repoRoot, 'test/fixtures/runtime-project');
let emu: RunningEmulator;
const invocations: InvocationEvent[] = [];
const caller = { openid: 'o-runtimes' };

beforeAll(async () => {
  buildEmulator();
  emu = await startEmulator({ project });
  emu.events.on('invocation', (event) => invocations.push(event));
}, 120_000);

afterAll(async () => {
  await emu?.stop();
});

test('each function reports the Node version its runtime names, two runtimes in one project', async () => {
  const on16 = await emu.callFunction('node16', {}, caller);
  const on18 = await emu.callFunction('node18', {}, caller);
  expect(on16.result).toMatchObject({ version: 'v16.13.0' });
  expect(on18.result).toMatchObject({ version: 'v18.15.0' });
  // The invocation log says which Node ran each call.
  expect(invocations.find((e) => e.requestId === on16.requestID)?.node).toBe('v16.13.0');
  expect(invocations.find((e) => e.requestId === on18.requestID)?.node).toBe('v18.15.0');
});

test('an API newer than the runtime fails locally as in the cloud (toSorted on Node 18)', async () => {
  const reply = await emu.callFunction('newApi', {}, caller);
  expect(reply.errCode).toBe(-504002);
  expect(reply.errMsg).toBe('functions execute fail | errMsg: [3,1,2].toSorted is not a function');
});

test('past memorySize the call fails with -504002 and a clear detail; the next call works', async () => {
  const small = await emu.callFunction('hungry', { mb: 4 }, caller);
  expect(small.status).toBe(200);
  const first = small.result as { pid: number; heapLimitMb: number };
  // memorySize 64 -> a heap limit near 64 MB (V8 adds its young generation on top).
  expect(first.heapLimitMb).toBeLessThan(128);

  const tooMuch = await emu.callFunction('hungry', { mb: 200 }, caller);
  expect(tooMuch.status).toBe(500);
  expect(tooMuch.errCode).toBe(-504002);
  expect(tooMuch.errMsg).toBe(
    'functions execute fail | errMsg: Memory limit exceeded: the function ran out of its ' +
      'memorySize of 64 MB (JavaScript heap out of memory); the instance was stopped and will be replaced',
  );

  const next = await emu.callFunction('hungry', { mb: 4 }, caller);
  expect(next.status).toBe(200);
  expect((next.result as { pid: number }).pid).not.toBe(first.pid);
});
