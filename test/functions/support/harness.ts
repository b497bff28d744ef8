import { EJSON } from 'bson';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../../contract/src';
import { startEmulator, type RunningEmulator } from '../../../emulator/src';
import { ensureFunctionsBuilt, examplesDir, functionsDir, repoRoot } from './build';

export interface Caller {
  openid: string;
  appid?: string;
  unionid?: string;
}

export interface CallContext {
  source?: string;
  openid?: string;
}

export interface FunctionsHarness {
  emulator: RunningEmulator;
  /** Calls a function as a mini program user; fails the test unless the call itself succeeds. */
  call<T = unknown>(name: string, data: unknown, caller: Caller): Promise<Envelope<T>>;
  /** Like `call`, also returning the request id (for per-invocation database statistics). */
  callWithId<T = unknown>(
    name: string,
    data: unknown,
    caller: Caller,
  ): Promise<{ envelope: Envelope<T>; requestId: string }>;
  /** A call whose WeChat context has no OPENID (as a timer trigger or a misrouted call). */
  callWithoutOpenid<T = unknown>(name: string, data: unknown): Promise<Envelope<T>>;
  /**
   * A call with a chosen SOURCE and OPENID: by default what the console's push route sends
   * for a platform message push (`wx_message_push`, no OPENID); attacks pass a client's.
   */
  callAs<T = unknown>(name: string, data: unknown, as?: CallContext): Promise<Envelope<T>>;
  /** Every document of a collection, straight from the emulator database (admin protocol). */
  documents<T = Record<string, unknown>>(collection: string, query?: object): Promise<T[]>;
  /** Database calls per action made by one invocation. */
  dbCalls(requestId: string): Record<string, number>;
  /** Sequential database rounds of one invocation (exact only while latency is injected). */
  dbRounds(requestId: string): number;
  stop(): Promise<void>;
}

/**
 * Starts the emulator on a temp copy of this repo's cloudbaserc.json whose function root
 * links to the built bundles (plus the whoami example), with `env` merged into every
 * function's envVariables (short TTLs and the like).
 */
export interface HarnessOptions {
  /** Function timeout in seconds (cloudbaserc.json says 5; a 2-core CI box starting 50
   * instance processes at once needs longer than a real SCF region does). */
  timeoutSeconds?: number;
  maxInstancesPerFunction?: number;
  /** More function folders to serve, by name (e.g. a probe bundled by the test). */
  extraFunctions?: Record<string, string>;
  /** Fire timer triggers by the clock (default off: a suite that moves the clock days ahead
   * must not get cleanupSessions runs it did not ask for). */
  triggers?: boolean;
}

export async function startFunctions(
  env: Record<string, string> = {},
  options: HarnessOptions = {},
): Promise<FunctionsHarness> {
  ensureFunctionsBuilt();
  const project = mkdtempSync(path.join(tmpdir(), 'wxcl-functions-'));
  const root = path.join(project, 'functions');
  mkdirSync(root);
  const rc = JSON.parse(readFileSync(path.join(repoRoot, 'cloudbaserc.json'), 'utf8')) as {
    functionRoot: string;
    functions: Array<{ name: string; timeout?: number; envVariables?: Record<string, string> }>;
  };
  for (const fn of rc.functions) {
    fn.envVariables = { ...fn.envVariables, ...env };
    if (options.timeoutSeconds) fn.timeout = options.timeoutSeconds;
    symlinkSync(path.join(functionsDir, fn.name), path.join(root, fn.name), 'dir');
  }
  const extra = { whoami: path.join(examplesDir, 'whoami'), ...options.extraFunctions };
  for (const [name, dir] of Object.entries(extra)) {
    rc.functions.push({ name, envVariables: { ...env } });
    symlinkSync(dir, path.join(root, name), 'dir');
  }
  rc.functionRoot = 'functions';
  writeFileSync(path.join(project, 'cloudbaserc.json'), JSON.stringify(rc, null, 2));

  const emulator = await startEmulator({
    project,
    inMemory: true,
    port: 0,
    logger: 'silent',
    triggers: options.triggers ?? false,
    ...(options.maxInstancesPerFunction
      ? { maxInstancesPerFunction: options.maxInstancesPerFunction }
      : {}),
  });

  async function callWithId<T>(name: string, data: unknown, caller: Caller) {
    const reply = await emulator.callFunction(name, data, caller);
    if (!reply.ok) throw new Error(`${name} call failed: ${JSON.stringify(reply.body)}`);
    return { envelope: reply.result as Envelope<T>, requestId: reply.requestID ?? '' };
  }

  async function callAs<T>(name: string, data: unknown, as: CallContext = {}) {
    const outcome = await emulator.functions.invoke(name, data, {
      openid: as.openid ?? '',
      appid: '',
      clientIp: '127.0.0.1',
      source: as.source ?? 'wx_message_push',
    });
    if (!outcome.ok) throw new Error(`${name} call failed: ${JSON.stringify(outcome)}`);
    return JSON.parse(outcome.resultJson) as Envelope<T>;
  }

  return {
    emulator,
    callWithId,
    async call<T>(name: string, data: unknown, caller: Caller) {
      return (await callWithId<T>(name, data, caller)).envelope;
    },
    callWithoutOpenid<T>(name: string, data: unknown) {
      return callAs<T>(name, data, { source: 'wx_trigger' });
    },
    callAs,
    async documents<T>(collection: string, query: object = {}) {
      const reply = await emulator.database.handle({
        action: 'database.getDocument',
        collectionName: collection,
        queryType: 'WHERE',
        query: EJSON.stringify(query, { relaxed: false }),
        limit: 1000,
      });
      const data = reply.data as { list?: string[] } | undefined;
      if (!data?.list) {
        if (reply.code === 'DATABASE_COLLECTION_NOT_EXIST') return [];
        throw new Error(`documents(${collection}) failed: ${JSON.stringify(reply)}`);
      }
      return data.list.map((doc) => EJSON.parse(doc, { relaxed: true }) as T);
    },
    dbCalls: (requestId) => emulator.database.stats().byInvocation[requestId]?.byAction ?? {},
    dbRounds: (requestId) => emulator.database.stats().byInvocation[requestId]?.rounds ?? 0,
    async stop() {
      await emulator.stop();
      rmSync(project, { recursive: true, force: true });
    },
  };
}

/** Narrows an envelope to its data, failing with the error when it is not ok. */
export function dataOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

export function errorOf(envelope: Envelope<unknown>) {
  if (envelope.ok) throw new Error(`expected an error, got ${JSON.stringify(envelope.data)}`);
  return envelope.error;
}
