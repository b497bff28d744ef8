/**
 * Orderly shutdown, once: stop taking requests, run module cleanups, kill every instance,
 * export if asked, close the database (so its files are left consistent).
 */
import type { Server } from 'node:http';
import path from 'node:path';
import type { FunctionHost } from '../functions/host';
import type { Logger } from '../logging/logger';
import type { EmulatorDatabase } from './database-port';
import { closeServer } from '../http/http-server';

export interface StopperParts {
  database: EmulatorDatabase;
  functions: FunctionHost;
  logger: Logger;
  exportOnExitDir?: string;
}

export function createStopper(parts: StopperParts): {
  onStop(cleanup: () => void | Promise<void>): void;
  setServer(server: Server): void;
  stop(): Promise<void>;
} {
  const cleanups: Array<() => void | Promise<void>> = [];
  let server: Server | undefined;
  let stopping: Promise<void> | undefined;

  async function run(): Promise<void> {
    const { database, functions, logger, exportOnExitDir } = parts;
    if (server?.listening) await closeServer(server);
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (error) {
        logger.log('warn', `cleanup failed while stopping: ${(error as Error).message}`);
      }
    }
    await functions.stop();
    if (exportOnExitDir) {
      const dir = path.resolve(exportOnExitDir);
      try {
        await database.exportTo(dir);
        logger.log('info', `exported the database to ${dir}`);
      } catch (error) {
        logger.log('error', `export to ${dir} failed: ${(error as Error).message}`);
      }
    }
    await database.close();
  }

  return {
    onStop: (cleanup) => cleanups.push(cleanup),
    setServer: (value) => (server = value),
    stop: () => (stopping ??= run()),
  };
}
