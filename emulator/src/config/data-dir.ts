import { accessSync, constants, mkdirSync } from 'node:fs';
import { EmulatorStartError } from './errors';

/** Creates the data directory if needed and checks it can be read and written. */
export function prepareDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.R_OK | constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new EmulatorStartError(
      `cannot use data directory ${dir} (${code}): fix its permissions or pass --data-dir <writable folder> (or --in-memory)`,
    );
  }
}
