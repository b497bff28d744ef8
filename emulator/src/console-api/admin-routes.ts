import path from 'node:path';
import type { ConsoleDeps } from './deps';
import { badRequest, isRecord } from './http';
import type { Router } from './router';
import type { ExportResponse, Faults, OkResponse, StatsResponse, StorageResponse } from './types';

/** Export/import, reset, fault injection, statistics and the storage listing. */
export function addAdminRoutes(router: Router, deps: ConsoleDeps): void {
  const { database } = deps;

  router.add('POST', '/api/export', async ({ body }): Promise<ExportResponse> => {
    const requested = isRecord(body) && typeof body.dir === 'string' ? body.dir : '';
    const dir = requested
      ? path.resolve(deps.projectDir, requested)
      : path.join(deps.projectDir, '.cloudbase', 'exports', timestamp());
    await database.exportTo(dir);
    return { dir, collections: await database.listCollections() };
  });

  router.add('POST', '/api/import', async ({ body }): Promise<OkResponse> => {
    if (!isRecord(body) || typeof body.dir !== 'string' || body.dir === '') {
      throw badRequest('dir is required');
    }
    await database.importFrom(path.resolve(deps.projectDir, body.dir));
    return { ok: true };
  });

  // One call for test suites: every collection and its documents go, statistics restart.
  router.add('POST', '/api/reset', async (): Promise<OkResponse> => {
    await database.reset();
    await database.resetStats();
    return { ok: true };
  });

  router.add('GET', '/api/faults', async (): Promise<Faults> => database.getFaults());

  router.add('PUT', '/api/faults', async ({ body }): Promise<Faults> => {
    const current = await database.getFaults();
    const next = { ...current, ...parseFaults(body) };
    await database.setFaults(next);
    return database.getFaults();
  });

  router.add('GET', '/api/stats', async (): Promise<StatsResponse> => database.stats());

  router.add('DELETE', '/api/stats', async (): Promise<OkResponse> => {
    await database.resetStats();
    return { ok: true };
  });

  router.add('GET', '/api/storage', async (): Promise<StorageResponse> => {
    if (!deps.storage) return { available: false, files: [] };
    return { available: true, files: await deps.storage.list() };
  });
}

function parseFaults(body: unknown): Partial<Faults> {
  if (!isRecord(body)) throw badRequest('body must be {"latencyMs": n, "faultRate": 0..1}');
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

/** 2026-11-21T20-58-16-123Z: sortable and safe in a folder name. */
function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}
