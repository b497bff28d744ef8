import { join } from 'node:path';
import { startEmulator } from '../../../emulator/src';

/**
 * Conformance harness: every step runs inside the `sdk` fixture function (real wx-server-sdk,
 * real function host, real HTTP) and reports what application code sees. A step is the body of
 * an async function of (cloud, db, _, $, ctx).
 */
export const FIXTURE_PROJECT = join(__dirname, '..', '..', 'fixtures', 'conformance-project');

export type StepResult =
  { ok: true; value: unknown } | { ok: false; errCode?: number; errMsg: string };

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export interface Conformance {
  /** Runs the steps in one invocation and returns each step's result. */
  run(...steps: string[]): Promise<StepResult[]>;
  /** Runs the steps; all must succeed; returns the last step's value. */
  value<T = unknown>(...steps: string[]): Promise<T>;
  /** Runs the steps; the last must fail; returns its error. */
  failure(...steps: string[]): Promise<{ errCode?: number; errMsg: string }>;
  /** A fresh, created collection name for one test. */
  collection(): Promise<string>;
  emulator(): Emulator;
}

export function useConformance(options: { transactionTimeoutMs?: number } = {}): Conformance {
  let emulator: Emulator | undefined;
  let seq = 0;
  beforeAll(async () => {
    emulator = await startEmulator({
      project: FIXTURE_PROJECT,
      inMemory: true,
      port: 0,
      ...options,
    });
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  const run = async (...steps: string[]): Promise<StepResult[]> => {
    if (!emulator) throw new Error('emulator not started');
    const reply = await emulator.callFunction('sdk', { steps }, { openid: 'o-conformance' });
    if (!reply.ok) throw new Error(`sdk function failed: ${JSON.stringify(reply.body)}`);
    return reply.result as StepResult[];
  };

  return {
    run,
    async value<T>(...steps: string[]): Promise<T> {
      const results = await run(...steps);
      const failed = results.find((r) => !r.ok);
      if (failed) throw new Error(`step failed: ${JSON.stringify(failed)}`);
      return (results[results.length - 1] as { value: T }).value;
    },
    async failure(...steps: string[]) {
      const results = await run(...steps);
      const last = results[results.length - 1];
      if (last.ok)
        throw new Error(`expected the last step to fail, got ${JSON.stringify(last.value)}`);
      const earlier = results.slice(0, -1).find((r) => !r.ok);
      if (earlier) throw new Error(`an earlier step failed: ${JSON.stringify(earlier)}`);
      return last;
    },
    async collection() {
      seq += 1;
      const name = `c${seq}_${Date.now().toString(36)}`;
      await run(`await db.createCollection('${name}')`);
      return name;
    },
    emulator: () => {
      if (!emulator) throw new Error('emulator not started');
      return emulator;
    },
  };
}
