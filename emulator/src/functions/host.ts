/**
 * The function host: finds a function, runs each call on an instance of its pool with the
 * caller's identity, and reports every finished call as an `invocation` event.
 */
import { randomUUID } from 'node:crypto';
import {
  findFunction,
  handlerLocation,
  listFunctions,
  type FunctionConfig,
  type ProjectConfig,
} from '../config/cloudbaserc';
import type { Logger } from '../logging/logger';
import { existsSync } from 'node:fs';
import {
  executeFail,
  functionNotBuilt,
  functionNotFound,
  timeoutText,
  type CallFailure,
} from './errors';
import type { EmulatorEvents, InvocationLogLine } from './events';
import { FunctionInstance } from './instance';
import {
  baseEnv,
  eventFor,
  invocationEnv,
  scfContext,
  type CallerIdentity,
} from './invocation-env';
import { folderSignature } from './folder-signature';
import { InstancePool } from './pool';
import { reportInvocation } from './report';
import { memoryFlags, type NodeBinary, type RuntimeSet } from '../runtimes';

export interface FunctionHostOptions {
  project: ProjectConfig;
  runnerPath: string;
  /** The Node binary of each runtime (exact versions, or the emulator's own). */
  runtimes: RuntimeSet;
  events: EmulatorEvents;
  logger: Logger;
  /** Reaps instances idle this long (SCF keeps them some minutes; default 5 min). */
  idleTimeoutMs: number;
  maxInstancesPerFunction: number;
  /**
   * `http://127.0.0.1:<port>/admin` (or `/admin/i/<invocationId>` for one invocation's calls),
   * known once the server listens; it may carry the access token in its query.
   */
  adminUrl(invocationId?: string): string;
  /** A module a function finds only above its folder: fail as in the cloud, or warn and load. */
  parentModules?: 'refuse' | 'warn';
  /** The emulator clock: instances see real time shifted by its offset (clock/date-shim.ts). */
  clock?: { readonly offsetMs: number; readonly frozenAtMs?: number };
}

export interface InvokeOptions {
  /** Pass `data` to main as it is (a trigger's event), without the `userInfo` a client call gets. */
  rawEvent?: boolean;
}

export type CallOutcome =
  | { ok: true; requestId: string; resultJson: string }
  | ({ ok: false; requestId?: string } & CallFailure);

export class FunctionHost {
  private readonly pools = new Map<string, InstancePool>();
  /** Running invocations: request id -> function name and collected output. */
  private readonly running = new Map<
    string,
    { functionName: string; identity: CallerIdentity; logs: InvocationLogLine[] }
  >();
  private stopped = false;
  /** The function folder as each instance loaded it (folder-signature.ts). */
  private readonly loadedFrom = new WeakMap<FunctionInstance, string>();

  constructor(private readonly options: FunctionHostOptions) {}

  /** Every function of the project (listed in cloudbaserc.json or found as a folder). */
  list(): FunctionConfig[] {
    return listFunctions(this.options.project);
  }

  /** The function a running invocation belongs to (for attributing its database calls). */
  functionNameOf(requestId: string): string | undefined {
    return this.running.get(requestId)?.functionName;
  }

  /** The caller of a running invocation (a function calling another passes it on). */
  identityOf(requestId: string): CallerIdentity | undefined {
    return this.running.get(requestId)?.identity;
  }

  /** Live instance processes of one function, or of all. */
  instanceCount(name?: string): number {
    if (name !== undefined) return this.pools.get(name)?.size ?? 0;
    let total = 0;
    for (const pool of this.pools.values()) total += pool.size;
    return total;
  }

  async invoke(
    name: string,
    data: unknown,
    identity: CallerIdentity,
    options: InvokeOptions = {},
  ): Promise<CallOutcome> {
    if (this.stopped) return { ok: false, ...executeFail('the emulator is stopping', 503) };
    const fn = findFunction(this.options.project, name);
    if (!fn) return { ok: false, ...functionNotFound(name, this.options.project.functionRoot) };
    const { file } = handlerLocation(fn);
    if (!existsSync(file)) return { ok: false, ...functionNotBuilt(name, file) };
    const requestId = randomUUID();
    const startedAt = Date.now();
    const event = options.rawEvent ? data : eventFor(data, identity);
    const logs: InvocationLogLine[] = [];
    this.running.set(requestId, { functionName: name, identity, logs });
    let outcome: CallOutcome;
    let node: string | undefined;
    try {
      const binary = await this.options.runtimes.binaryFor(fn.runtime);
      node = binary.version;
      outcome = await this.run(fn, binary, requestId, event, identity);
    } catch (error) {
      // No Node for this runtime (a function added after the start, with a bad runtime).
      outcome = { ok: false, requestId, ...executeFail((error as Error).message) };
    } finally {
      this.running.delete(requestId);
    }
    const { events, logger } = this.options;
    reportInvocation(
      events,
      logger,
      { functionName: fn.name, requestId, openid: identity.openid, startedAt, event, logs, node },
      outcome,
    );
    return outcome;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.pools.values()].map((pool) => pool.stop()));
    this.pools.clear();
  }

  private async run(
    fn: FunctionConfig,
    binary: NodeBinary,
    requestId: string,
    event: unknown,
    identity: CallerIdentity,
  ): Promise<CallOutcome> {
    const pool = this.poolFor(fn, binary);
    let instance: FunctionInstance;
    try {
      instance = await pool.acquire();
    } catch (error) {
      return {
        ok: false,
        requestId,
        ...executeFail(`function instance failed to start: ${(error as Error).message}`),
      };
    }
    const env = invocationEnv(identity, requestId, this.options.adminUrl(requestId));
    const timeoutMs = fn.timeoutSeconds * 1000;
    const context = scfContext(fn, this.options.project.envId, requestId, env);
    const reply = await instance.invoke(
      { type: 'invoke', requestId, event, context, env, ...this.clockFields() },
      timeoutMs,
      timeoutText(fn.timeoutSeconds),
    );
    pool.release(instance);
    if (reply.ok) return { ok: true, requestId, resultJson: reply.json };
    const timedOut = reply.errMsg === timeoutText(fn.timeoutSeconds);
    return { ok: false, requestId, ...executeFail(reply.errMsg, timedOut ? 504 : 500) };
  }

  /** What the instance's Date shim needs of the emulator clock (clock/date-shim.ts). */
  private clockFields(): { clockOffsetMs: number; clockFrozenAtMs?: number } {
    const frozen = this.options.clock?.frozenAtMs;
    const offset = { clockOffsetMs: this.options.clock?.offsetMs ?? 0 };
    return frozen === undefined ? offset : { ...offset, clockFrozenAtMs: frozen };
  }

  private poolFor(fn: FunctionConfig, binary: NodeBinary): InstancePool {
    const existing = this.pools.get(fn.name);
    if (existing) return existing;
    const { file, exportName } = handlerLocation(fn);
    const pool: InstancePool = new InstancePool({
      idleTimeoutMs: this.options.idleTimeoutMs,
      maxInstances: this.options.maxInstancesPerFunction,
      // Any change in the folder (code, node_modules) means fresh instances, as a redeploy does.
      isStale: (instance) => this.loadedFrom.get(instance) !== folderSignature(fn.dir),
      spawn: () =>
        this.track(
          fn.dir,
          new FunctionInstance(
            this.options.runnerPath,
            {
              file,
              exportName,
              functionDir: fn.dir,
              parentModules: this.options.parentModules ?? 'warn',
              ...this.clockFields(),
              emulatorOrigin: new URL(this.options.adminUrl()).origin,
            },
            baseEnv(fn, this.options.project.envId, this.options.adminUrl()),
            {
              onOutput: (requestId, level, text) => this.output(fn.name, requestId, level, text),
              onExit: (instance) => pool.retire(instance),
            },
            {
              execPath: binary.execPath,
              execArgv: memoryFlags(fn.memorySize),
              memoryMb: fn.memorySize,
            },
          ),
        ),
    });
    this.pools.set(fn.name, pool);
    return pool;
  }

  private track(dir: string, instance: FunctionInstance): FunctionInstance {
    this.loadedFrom.set(instance, folderSignature(dir));
    return instance;
  }

  private output(
    functionName: string,
    requestId: string | undefined,
    level: InvocationLogLine['level'],
    text: string,
  ): void {
    this.options.logger.functionOutput(functionName, requestId, level, text);
    if (requestId) this.running.get(requestId)?.logs.push({ time: Date.now(), level, text });
  }
}
