/**
 * Where the emulator's files are, whether this code runs built (emulator/dist/*.js) or from
 * source (emulator/src/** under jest or tsx). Instance processes always run the built
 * runner: a function process must not depend on a TypeScript loader.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EmulatorStartError } from './errors';

/** The `emulator/` folder: the parent of the nearest enclosing `dist` or `src`. */
export function emulatorDir(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const base = path.basename(dir);
    if (base === 'dist' || base === 'src') return path.dirname(dir);
  }
  return path.resolve(__dirname, '..');
}

/** The folder holding the emulator package: this repository, or the node_modules it is installed in. */
export function repoRoot(): string {
  return path.dirname(emulatorDir());
}

export function consoleDistDir(): string {
  return path.join(emulatorDir(), 'dist', 'console');
}

export function runnerPath(): string {
  const file = path.join(emulatorDir(), 'dist', 'runner.js');
  if (!existsSync(file)) {
    throw new EmulatorStartError(`${file} is missing: run "npm run build" first`);
  }
  return file;
}
