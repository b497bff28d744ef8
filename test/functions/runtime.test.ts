/**
 * The function suites run on the Node cloudbaserc.json deploys them on (Nodejs18.15 ->
 * v18.15.0), not on the Node running jest: a change that would break in production breaks here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NODE_RUNTIMES, type InvocationEvent } from '../../emulator/src/index';
import { startFunctions, type FunctionsHarness } from './support/harness';

const repoRoot = path.resolve(__dirname, '../..');
let fx: FunctionsHarness;

beforeAll(async () => {
  fx = await startFunctions();
});
afterAll(async () => {
  await fx?.stop();
});

test('every function of cloudbaserc.json runs on its runtime, which is the exact Node', async () => {
  const rc = JSON.parse(readFileSync(path.join(repoRoot, 'cloudbaserc.json'), 'utf8')) as {
    functions: Array<{ name: string }>;
  };
  const seen: InvocationEvent[] = [];
  fx.emulator.events.on('invocation', (event) => seen.push(event));
  for (const { name } of rc.functions) {
    const fn = fx.emulator.project.listed.get(name);
    // Nothing here needs a valid request: any answer (even a refusal) ran on an instance.
    const reply = await fx.emulator.callFunction(name, {}, { openid: 'o-runtime-check' });
    const event = seen.find((e) => e.requestId === reply.requestID);
    expect([name, event?.node]).toEqual([name, `v${NODE_RUNTIMES[fn?.runtime ?? ''] ?? '?'}`]);
  }
});
