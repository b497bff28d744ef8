/**
 * Shared by the emulator's host, http and durability suites: the fixture project and a build
 * of emulator/dist (instance processes and the CLI run built JS). `npm test` builds first; the
 * rebuild here keeps `npx jest test/emulator/...` right after a source edit (it is fast, and
 * writes only changed files, atomically, so parallel suites do not trip over each other).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');
export const fixtureProject = path.join(repoRoot, 'test/fixtures/host-project');
export const cliPath = path.join(repoRoot, 'emulator/dist/cli.js');

let built = false;

export function buildEmulator(): void {
  if (built) return;
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "(await import('./scripts/build/emulator.mjs')).build()"],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  built = true;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every 25 ms until it is true or `timeoutMs` passes (then returns false). */
export async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(25);
  }
  return check();
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
