/**
 * Entry of one function instance process (built to emulator/dist/runner.js). Like the SCF Node
 * runtime's bootstrap: load the handler once, then serve one invocation at a time, with the
 * invocation's identity in process.env only while it runs.
 */
// First import: Date must follow the emulator's clock before anything else reads it.
import { setClockOffset } from '../clock/date-shim';
import { createRequire } from 'node:module';
import path from 'node:path';
import { format } from 'node:util';
import type { LogLevel } from '../logging/logger';
import { emulatorAddressOf, routeToEmulator } from './emulator-agent';
import { routeLegacySdkToEmulator } from './legacy-sdk-routing';
import { isolateModules } from './module-isolation';
import {
  MAX_RESULT_BYTES,
  type InvokeMessage,
  type RunnerArgs,
  type RunnerMessage,
  type ScfContext,
} from './protocol';

type Callback = (error: unknown, data?: unknown) => void;
type Handler = (event: unknown, context: unknown, callback: Callback) => unknown;

const args = JSON.parse(process.argv[2] ?? '{}') as RunnerArgs;
// Module-level code of the function (run at load) already sees the clock of the spawn time.
setClockOffset(args.clockOffsetMs, args.clockFrozenAtMs);
/** The instance's environment after its module loaded (module-level changes are kept, as in SCF). */
let instanceEnv: NodeJS.ProcessEnv = { ...process.env };
let currentRequestId: string | undefined;
/** Warnings of the module load (module-isolation.ts), sent with the first invocation's log. */
const loadWarnings: string[] = [];

function send(message: RunnerMessage, then?: () => void): void {
  process.send?.(message, undefined, undefined, then);
}

/** Function output goes to the host tagged with the running request (SCF's log console does the same). */
function captureConsole(): void {
  const levels: Array<[keyof Console, LogLevel]> = [
    ['log', 'info'],
    ['info', 'info'],
    ['debug', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
  ];
  for (const [method, level] of levels) {
    Object.assign(console, {
      [method]: (...parts: unknown[]) =>
        send({ type: 'log', requestId: currentRequestId, level, text: format(...parts) }),
    });
  }
}

/**
 * Back to the instance's own environment: no identity survives its invocation. Only what
 * differs is written: each process.env write goes through libc's environment, and rewriting
 * every variable twice per invocation was a visible part of a warm call.
 */
function resetEnv(extra: Record<string, string> = {}): void {
  const target: NodeJS.ProcessEnv = { ...instanceEnv, ...extra };
  for (const key of Object.keys(process.env)) {
    if (!(key in target)) delete process.env[key];
  }
  for (const [key, value] of Object.entries(target)) {
    if (value !== undefined && process.env[key] !== value) process.env[key] = value;
  }
}

interface Loaded {
  handler?: Handler;
  loadError?: string;
}

function loadHandler(): Loaded {
  try {
    // SCF runs the handler with its folder as working directory.
    process.chdir(path.dirname(args.file));
    // createRequire: a plain CommonJS require of the user's file, as the SCF runtime does.
    const mod = createRequire(args.file)(args.file) as Record<string, unknown>;
    const handler = mod[args.exportName];
    if (typeof handler !== 'function') {
      return { loadError: `${args.exportName} is not a function exported by ${args.file}` };
    }
    return { handler: handler as Handler };
  } catch (error) {
    console.error(error instanceof Error ? error.stack : String(error));
    return { loadError: error instanceof Error ? error.message : String(error) };
  }
}

/** Fault text as SCF reports it: message of a rejected Error, stack of a synchronous throw. */
function faultOf(error: unknown, thrownSynchronously: boolean): string {
  if (error instanceof Error)
    return thrownSynchronously ? (error.stack ?? error.message) : error.message;
  return `${String(error)}(callback err is not instance of Error)`;
}

/** Calls main as the SCF runtime does: a returned promise, the callback, or context.done. */
function runHandler(handler: Handler, message: InvokeMessage): Promise<unknown> {
  // The remaining time is a real-time limit: it must not jump when the emulated clock moves.
  const deadline = performance.now() + message.context.time_limit_in_ms;
  let settle: Callback = () => undefined;
  const settled = new Promise<unknown>((resolve, reject) => {
    let done = false;
    settle = (error, data) => {
      if (done) return;
      done = true;
      if (error !== null && error !== undefined) reject(error);
      else resolve(data);
    };
  });
  const context: ScfContext & Record<string, unknown> = {
    ...message.context,
    // No callbackWaitsForEmptyEventLoop: an instance answers as soon as main settles and does
    // not wait for its event loop to drain, so advertising the flag would be a promise unkept.
    getRemainingTimeInMillis: () => Math.max(0, Math.round(deadline - performance.now())),
    done: settle,
    succeed: (data: unknown) => settle(null, data),
    fail: (error: unknown) => settle(error ?? new Error('failed')),
  };
  // A synchronous throw propagates to the caller (reported with its stack, as SCF does).
  const returned = handler(message.event, context, settle);
  if (
    returned !== null &&
    typeof returned === 'object' &&
    'then' in returned &&
    typeof returned.then === 'function'
  ) {
    (returned as PromiseLike<unknown>).then(
      (data) => settle(null, data),
      (error: unknown) => settle(error ?? new Error('main rejected without a reason')),
    );
  } else if (handler.length < 3) {
    // A synchronous main without a callback parameter: take its return value.
    settle(null, returned);
  }
  return settled;
}

async function execute(loaded: Loaded, message: InvokeMessage): Promise<RunnerMessage> {
  const requestId = message.requestId;
  if (!loaded.handler) {
    // fatal: an instance whose module failed to load is not kept (SCF discards a failed init),
    // so the next call loads again, e.g. after the missing module was installed.
    return {
      type: 'result',
      requestId,
      ok: false,
      errMsg: loaded.loadError ?? 'function initialization failed',
      fatal: true,
    };
  }
  let pending: Promise<unknown>;
  try {
    pending = runHandler(loaded.handler, message);
  } catch (error) {
    console.error(error instanceof Error ? error.stack : String(error));
    return { type: 'result', requestId, ok: false, errMsg: faultOf(error, true) };
  }
  let result: unknown;
  try {
    result = await pending;
  } catch (error) {
    console.error(error instanceof Error ? error.stack : String(error));
    return { type: 'result', requestId, ok: false, errMsg: faultOf(error, false) };
  }
  let json: string;
  try {
    json = JSON.stringify(result === undefined ? null : result);
  } catch (error) {
    return {
      type: 'result',
      requestId,
      ok: false,
      errMsg: `stringify response to json failed: ${(error as Error).message}`,
    };
  }
  if (Buffer.byteLength(json) > MAX_RESULT_BYTES) {
    return { type: 'result', requestId, ok: false, errMsg: 'body size is too long' };
  }
  return { type: 'result', requestId, ok: true, json };
}

async function invoke(loaded: Loaded, message: InvokeMessage): Promise<void> {
  currentRequestId = message.requestId;
  for (const text of loadWarnings.splice(0)) {
    send({ type: 'log', requestId: currentRequestId, level: 'warn', text });
  }
  setClockOffset(message.clockOffsetMs, message.clockFrozenAtMs);
  resetEnv(message.env);
  const reply = await execute(loaded, message);
  currentRequestId = undefined;
  // Answer first, then clean up: nothing of the function runs between the two (same tick).
  send(reply);
  resetEnv();
}

function main(): void {
  captureConsole();
  // Before the handler loads: code that keeps a reference to http.request gets the routed one.
  const emulator = emulatorAddressOf(args.emulatorOrigin);
  if (emulator) routeToEmulator(emulator);
  // wx-server-sdk 1.x/2.0.x call Tencent's hosts directly: their requests go to the emulator.
  if (args.emulatorOrigin) routeLegacySdkToEmulator(`${args.emulatorOrigin}/admin`);
  if (args.functionDir) {
    isolateModules(args.functionDir, args.parentModules ?? 'refuse', (text) => {
      // Found while loading: told with the first invocation, so its log shows why.
      if (currentRequestId) send({ type: 'log', requestId: currentRequestId, level: 'warn', text });
      else loadWarnings.push(text);
    });
  }
  const loaded = loadHandler();
  instanceEnv = { ...process.env };
  process.on('message', (message: InvokeMessage) => {
    if (message.type === 'invoke') void invoke(loaded, message);
  });
  process.on('uncaughtException', (error) => {
    // SCF ends the running invocation with the error; the host then replaces this instance.
    console.error(error.stack ?? String(error));
    const requestId = currentRequestId;
    if (!requestId) process.exit(1);
    send({ type: 'result', requestId, ok: false, errMsg: faultOf(error, false), fatal: true }, () =>
      process.exit(1),
    );
  });
  // The host is gone (crashed or killed): do not linger as an orphan.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

main();
