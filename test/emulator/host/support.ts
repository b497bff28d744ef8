/**
 * Shared by the emulator's host, http and durability suites: the fixture project and a build
 * of emulator/dist (instance processes and the CLI run built JS). `npm test` builds first; the
 * rebuild here keeps `npx jest test/emulator/...` right after a source edit (it writes only
 * changed files, atomically, so parallel suites do not trip over each other). It runs only
 * when a source is newer than the build: a build in every suite was a Node process and an
 * esbuild run per suite for nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { newestFile } from '../../support/newest-file';

export const repoRoot = path.resolve(__dirname, '../../..');
export const fixtureProject = path.join(repoRoot, 'test/fixtures/host-project');
export const cliPath = path.join(repoRoot, 'emulator/dist/cli.js');

let built = false;

/** emulator/dist's entry files are at least as new as every emulator source and the build script. */
function emulatorBuildIsFresh(): boolean {
  const outputs = ['cli.js', 'index.js', 'runner.js'].map((f) =>
    path.join(repoRoot, 'emulator/dist', f),
  );
  if (!outputs.every((file) => existsSync(file))) return false;
  const sources = Math.max(
    newestFile(path.join(repoRoot, 'emulator/src')),
    statSync(path.join(repoRoot, 'scripts/build/emulator.mjs')).mtimeMs,
  );
  return Math.min(...outputs.map((file) => statSync(file).mtimeMs)) >= sources;
}

export function buildEmulator(): void {
  if (built) return;
  if (!emulatorBuildIsFresh()) {
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "(await import('./scripts/build/emulator.mjs')).build()"],
      { cwd: repoRoot, stdio: 'inherit' },
    );
  }
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
