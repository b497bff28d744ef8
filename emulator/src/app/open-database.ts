/** Opens the database module and applies the startup options that belong to it. */
import path from 'node:path';
import { EmulatorStartError } from '../config/errors';
import { openDatabase } from '../database';
import type { EmulatorDatabase, OpenDatabaseOptions } from './database-port';

export interface DatabaseStartOptions {
  importDir?: string;
  dbLatencyMs?: number;
  dbFaultRate?: number;
}

export async function openEmulatorDatabase(
  open: OpenDatabaseOptions,
  start: DatabaseStartOptions,
): Promise<EmulatorDatabase> {
  let database: EmulatorDatabase;
  try {
    database = await openDatabase(open);
  } catch (error) {
    throw new EmulatorStartError(
      `cannot open the database in ${open.dataDir ?? 'memory'} (${(error as Error).message}): ` +
        'pass --data-dir <another folder> or --in-memory',
    );
  }
  if (start.dbLatencyMs !== undefined || start.dbFaultRate !== undefined) {
    try {
      database.setFaults({ latencyMs: start.dbLatencyMs ?? 0, faultRate: start.dbFaultRate ?? 0 });
    } catch (error) {
      // The database is open by now: a refused setting must not leave it so.
      await database.close();
      throw new EmulatorStartError(
        `${(error as Error).message}: pass --db-latency-ms and --db-fault-rate within those limits`,
      );
    }
  }
  if (start.importDir) {
    const dir = path.resolve(start.importDir);
    try {
      await database.importFrom(dir);
    } catch (error) {
      await database.close();
      throw new EmulatorStartError(
        `cannot import ${dir} (${(error as Error).message}): pass --import <folder written by an export>`,
      );
    }
  }
  return database;
}
