/**
 * One function instance: a child process running runner.js, serving one invocation at a time.
 * A timeout or an exit during an invocation ends that invocation; the instance is then dead
 * and the pool replaces it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { LogLevel } from '../logging/logger';
import type { InvokeMessage, RunnerArgs, RunnerMessage } from './protocol';

export type InstanceReply = { ok: true; json: string } | { ok: false; errMsg: string };

/** How the process is started: which Node, with which flags (heap limit, preloads). */
export interface InstanceLaunch {
  /** The Node binary of the function's runtime (default: the emulator's own). */
  execPath?: string;
  execArgv?: string[];
  /** memorySize, for the out-of-memory message. */
  memoryMb?: number;
}

export interface InstanceHooks {
  /** A line of output, with the request it belongs to (undefined between invocations). */
  onOutput(requestId: string | undefined, level: LogLevel, text: string): void;
  onExit(instance: FunctionInstance): void;
}

/** V8's fatal line when the heap limit (--max-old-space-size) is reached. */
const OUT_OF_MEMORY = /JavaScript heap out of memory/;
/** How long an exited process's output may keep draining before its call is failed anyway. */
const OUTPUT_DRAIN_MS = 1000;

/** Longest a cold start (loading the handler module) may take. */
const START_TIMEOUT_MS = 30_000;

type InstanceState = 'starting' | 'idle' | 'busy' | 'dead';

export class FunctionInstance {
  state: InstanceState = 'starting';
  readonly ready: Promise<void>;
  private readonly child: ChildProcess;
  private current:
    { requestId: string; finish: (reply: InstanceReply, fatal?: boolean) => void } | undefined;
  private readonly exited: Promise<void>;
  private lastRequestId: string | undefined;
  /** V8 said the heap limit (memorySize) was reached: the process aborts next. */
  private outOfMemory = false;
  private readonly outputClosed: Promise<void>;

  constructor(
    runnerPath: string,
    args: RunnerArgs,
    env: Record<string, string>,
    hooks: InstanceHooks,
    private readonly launch: InstanceLaunch = {},
  ) {
    this.child = fork(runnerPath, [JSON.stringify(args)], {
      env,
      execPath: launch.execPath,
      // The emulator's own flags (jest, tsx loaders) must not leak into function processes.
      execArgv: launch.execArgv ?? [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const closings: Array<Promise<void>> = [];
    for (const [stream, level] of [
      [this.child.stdout, 'info'],
      [this.child.stderr, 'error'],
    ] as const) {
      if (!stream) continue;
      closings.push(new Promise((resolve) => stream.once('close', () => resolve())));
      createInterface({ input: stream }).on('line', (line) => {
        if (level === 'error' && OUT_OF_MEMORY.test(line)) this.outOfMemory = true;
        // Raw output may arrive just after the result: tag it with the last request.
        hooks.onOutput(this.current?.requestId ?? this.lastRequestId, level, line);
      });
    }
    this.outputClosed = Promise.all(closings).then(() => undefined);
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`function did not start within ${START_TIMEOUT_MS / 1000} s`));
        void this.kill();
      }, START_TIMEOUT_MS);
      this.child.on('message', (message: RunnerMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          if (this.state === 'starting') this.state = 'idle';
          resolve();
        } else if (message.type === 'log') {
          hooks.onOutput(message.requestId, message.level, message.text);
        } else if (message.type === 'result' && message.requestId === this.current?.requestId) {
          const reply: InstanceReply = message.ok
            ? { ok: true, json: message.json }
            : { ok: false, errMsg: message.errMsg };
          this.current.finish(reply, !message.ok && message.fatal === true);
        }
      });
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        const wasStarting = this.state === 'starting';
        this.state = 'dead';
        hooks.onExit(this);
        // V8's out-of-memory report is on stderr, which may still be draining: read it to the end.
        void this.afterOutput().then(() => {
          const how = signal ? `signal ${signal}` : `code ${code ?? 'unknown'}`;
          const oom = this.outOfMemory ? this.outOfMemoryText() : undefined;
          if (wasStarting)
            reject(new Error(oom ?? `function process exited during start (${how})`));
          this.current?.finish(
            { ok: false, errMsg: oom ?? `function process exited before returning (${how})` },
            true,
          );
        });
      });
      this.child.on('error', (error) => {
        if (this.state === 'starting') reject(error);
      });
    });
    // Callers observe `ready`; this keeps an unobserved failure from being an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Runs one invocation; past `timeoutMs` the process is killed and the call fails. */
  invoke(message: InvokeMessage, timeoutMs: number, timeoutText: string): Promise<InstanceReply> {
    if (this.state !== 'idle')
      return Promise.resolve({ ok: false, errMsg: 'function instance is not available' });
    this.state = 'busy';
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.state = 'dead';
        finish({ ok: false, errMsg: timeoutText });
        void this.kill();
      }, timeoutMs);
      const finish = (reply: InstanceReply, fatal = false): void => {
        if (this.current?.requestId !== message.requestId) return;
        clearTimeout(timer);
        this.current = undefined;
        if (fatal) this.state = 'dead';
        if (this.state === 'busy') this.state = 'idle';
        resolve(reply);
      };
      this.current = { requestId: message.requestId, finish };
      this.lastRequestId = message.requestId;
      this.child.send(message, (error) => {
        if (error)
          finish({ ok: false, errMsg: `could not reach the function process: ${error.message}` });
      });
    });
  }

  /** Kills the process (SIGKILL: a hung function must not delay shutdown) and waits for it. */
  kill(): Promise<void> {
    // A process that never spawned has no exit to wait for.
    if (this.child.pid === undefined) return Promise.resolve();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** Output fully read, or a moment passed (a grandchild may hold the pipes open). */
  private afterOutput(): Promise<void> {
    return Promise.race([
      this.outputClosed,
      new Promise<void>((resolve) => setTimeout(resolve, OUTPUT_DRAIN_MS).unref()),
    ]);
  }

  private outOfMemoryText(): string {
    const limit = this.launch.memoryMb === undefined ? '' : ` of ${this.launch.memoryMb} MB`;
    return (
      `Memory limit exceeded: the function ran out of its memorySize${limit} ` +
      '(JavaScript heap out of memory); the instance was stopped and will be replaced'
    );
  }
}
