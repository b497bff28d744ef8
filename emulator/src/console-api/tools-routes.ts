import path from 'node:path';
import type { EmulatorContext } from '../app/context';
import { badRequest } from '../http/http-error';
import type { Route } from '../http/route-types';
import { isPlainObject } from '../shared/plain-object';
import { consoleRoute } from '../http/console-route';
import { exportFolder, timestampName } from '../seed/export-folder';
import { importRequest } from '../seed';
import { consoleStorage } from './storage-adapter';
import type { ExportResponse, Faults, OkResponse, StatsResponse, StorageResponse } from './types';

/** Export/import, reset, fault injection, statistics and the storage listing. */
export function toolsRoutes(ctx: EmulatorContext): Route[] {
  const { database } = ctx;
  const projectDir = ctx.project.dir;
  const storage = consoleStorage(ctx);
  return [
    consoleRoute('POST', '/api/export', async ({ body }): Promise<ExportResponse> => {
      const requested = nameOf(body);
      const folder = exportFolder(projectDir, requested ?? timestampName());
      await database.exportTo(folder.dir);
      return {
        dir: folder.shown,
        name: path.basename(folder.dir),
        collections: await database.listCollections(),
      };
    }),

    // Collection files (JSON lines, CSV) or an export folder: emulator/src/seed/import-request.ts.
    consoleRoute('POST', '/api/import', ({ body }) => importRequest(ctx, body)),

    // One call for test suites: every collection and its documents go, statistics restart.
    consoleRoute('POST', '/api/reset', async (): Promise<OkResponse> => {
      await database.reset();
      await database.resetStats();
      return { ok: true };
    }),

    consoleRoute('GET', '/api/faults', async (): Promise<Faults> => database.getFaults()),

    consoleRoute('PUT', '/api/faults', async ({ body }): Promise<Faults> => {
      const current = await database.getFaults();
      const next = { ...current, ...parseFaults(body) };
      await database.setFaults(next);
      return database.getFaults();
    }),

    consoleRoute('GET', '/api/stats', async (): Promise<StatsResponse> => database.stats()),

    consoleRoute('DELETE', '/api/stats', async (): Promise<OkResponse> => {
      await database.resetStats();
      return { ok: true };
    }),

    consoleRoute('GET', '/api/storage', async (): Promise<StorageResponse> => {
      return { available: true, files: await storage.list() };
    }),
  ];
}

function parseFaults(body: unknown): Partial<Faults> {
  if (!isPlainObject(body)) throw badRequest('body must be {"latencyMs": n, "faultRate": 0..1}');
  const faults: Partial<Faults> = {};
  if (body.latencyMs !== undefined) {
    const latency = body.latencyMs;
    if (typeof latency !== 'number' || !(latency >= 0) || latency > 60_000) {
      throw badRequest('latencyMs must be a number from 0 to 60000');
    }
    faults.latencyMs = latency;
  }
  if (body.faultRate !== undefined) {
    const rate = body.faultRate;
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      throw badRequest('faultRate must be a number from 0 to 1');
    }
    faults.faultRate = rate;
  }
  return faults;
}

/** `name` (or the older `dir`, which must now be a name too); undefined when not given. */
function nameOf(body: unknown): string | undefined {
  if (!isPlainObject(body)) return undefined;
  const value = body.name ?? body.dir;
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest('name must be a string');
  return value;
}
