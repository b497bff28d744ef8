/**
 * The function suites run on the Node cloudbaserc.json deploys them on (Nodejs18.15 ->
 * v18.15.0), not on the Node running jest: a change that would break in production breaks here.
 *
 * Expected and actual come from different places: the expected Node is this file's own table of
 * CloudBase runtime names, and the actual one is `process.version` read inside a function that
 * runs on the same runtime (a probe in a scratch project); each real function's invocation log
 * must then name that same Node.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type InvocationEvent } from '../../emulator/src/index';
import { startFunctions, type FunctionsHarness } from './support/harness';

/** CloudBase runtime name -> the Node it is (CloudBase console, SCF runtime list). */
const NODE_OF_RUNTIME: Record<string, string> = {
  'Nodejs16.13': 'v16.13.0',
  'Nodejs18.15': 'v18.15.0',
};

interface Rc {
  functionDefaultConfig?: { runtime?: string };
  functions: Array<{ name: string; runtime?: string }>;
}

const repoRoot = path.resolve(__dirname, '../..');
const rc = JSON.parse(readFileSync(path.join(repoRoot, 'cloudbaserc.json'), 'utf8')) as Rc;
const runtimeOf = (fn: Rc['functions'][number]) =>
  fn.runtime ?? rc.functionDefaultConfig?.runtime ?? '(none)';
let fx: FunctionsHarness;

beforeAll(async () => {
  fx = await startFunctions();
});
afterAll(async () => {
  await fx?.stop();
});

/** process.version inside a function on each runtime, from a scratch project of probes. */
async function probeVersions(runtimes: string[]): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wx-runtime-probe-'));
  const functions = runtimes.map((runtime, i) => ({ name: `probe${i}`, runtime }));
  for (const { name } of functions) {
    mkdirSync(path.join(dir, 'functions', name), { recursive: true });
    writeFileSync(
      path.join(dir, 'functions', name, 'index.js'),
      'exports.main = async () => process.version;\n',
    );
  }
  writeFileSync(
    path.join(dir, 'cloudbaserc.json'),
    JSON.stringify({ version: '2.0', envId: 'probe', functionRoot: 'functions', functions }),
  );
  const emu = await startEmulator({ project: dir, inMemory: true });
  try {
    const seen: Record<string, unknown> = {};
    for (const [i, runtime] of runtimes.entries()) {
      seen[runtime] = (await emu.callFunction(`probe${i}`, {}, { openid: 'o-probe' })).result;
    }
    return seen;
  } finally {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('every function of cloudbaserc.json runs on its runtime, which is the exact Node', async () => {
  const runtimes = [...new Set(rc.functions.map(runtimeOf))];
  const actual = await probeVersions(runtimes);
  expect(actual).toEqual(Object.fromEntries(runtimes.map((r) => [r, NODE_OF_RUNTIME[r]])));

  const seen: InvocationEvent[] = [];
  fx.emulator.events.on('invocation', (event) => seen.push(event));
  for (const fn of rc.functions) {
    // Nothing here needs a valid request: any answer (even a refusal) ran on an instance.
    const reply = await fx.emulator.callFunction(fn.name, {}, { openid: 'o-runtime-check' });
    const event = seen.find((e) => e.requestId === reply.requestID);
    expect([fn.name, event?.node]).toEqual([fn.name, actual[runtimeOf(fn)]]);
  }
});
