/**
 * Test support: a running emulator serving this repository's built cloud functions (in this
 * process; page tests under jsdom use emulator-child.ts, the same settings in a CLI process).
 */
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export function startRepoEmulator(): Promise<RunningEmulator> {
  // A few instances per function: enough for concurrency, gentle on a 2-core machine.
  return startEmulator({ project: REPO_ROOT, inMemory: true, port: 0, maxInstancesPerFunction: 4 });
}
