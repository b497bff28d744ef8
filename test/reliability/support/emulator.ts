// A real emulator for a reliability suite: this repository's project (the built functions in
// cloudfunctions/), in memory, on a free loopback port. Stopped by the suite's afterAll.
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { AdminClient } from './admin';
import { FunctionsClient } from './functions';

const ROOT = path.resolve(__dirname, '../../..');
export const INSTANCES_PER_FUNCTION = 8;

export interface TestEmulator {
  url: string;
  adminUrl: string;
  setFaults(faults: { latencyMs: number; faultRate: number }): void;
  /** Database calls served since start (every SDK request counts once). */
  databaseCalls(): number;
  /** Requests the emulator answered with an injected fault since start (its own counter). */
  faultsInjected(): number;
  running: RunningEmulator;
  stop(): Promise<void>;
}

export async function startTestEmulator(): Promise<TestEmulator> {
  const running = await startEmulator({
    project: ROOT,
    inMemory: true,
    port: 0,
    // On 2 shared cores, dozens of instance processes starting at once only thrash (and push
    // calls past the functions' timeout, 25 s in cloudbaserc.json); further requests queue, as SCF's
    // concurrency limit makes them. Up to 8 invocations per function still run truly concurrently.
    maxInstancesPerFunction: INSTANCES_PER_FUNCTION,
  });
  return {
    url: running.url,
    adminUrl: running.adminUrl,
    setFaults: (faults) => void running.database.setFaults(faults),
    databaseCalls: () => running.database.stats().calls,
    faultsInjected: () => running.database.stats().faultsInjected,
    running,
    stop: () => running.stop(),
  };
}

export interface TestSuite {
  emulator: TestEmulator;
  /** Calls functions over HTTP as a mini program would. */
  fns: FunctionsClient;
  /** Reads and writes the database over the TCB admin endpoint, as wx-server-sdk does. */
  admin: AdminClient;
}

/** Registers the suite's beforeAll/afterAll; read the fields inside hooks and tests. */
export function useTestEmulator(): TestSuite {
  const suite = {} as TestSuite;
  beforeAll(async () => {
    suite.emulator = await startTestEmulator();
    suite.fns = new FunctionsClient(suite.emulator.url);
    suite.admin = new AdminClient(suite.emulator.adminUrl);
  });
  afterAll(async () => {
    await suite.emulator?.stop();
  });
  return suite;
}
