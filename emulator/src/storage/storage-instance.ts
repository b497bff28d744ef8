/** One StorageService per running emulator, shared by its routes and its admin actions. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmulatorContext } from '../app/context';
import { StorageService } from './storage-service';

const services = new WeakMap<EmulatorContext, StorageService>();

/** Env name used in file IDs when cloudbaserc.json leaves envId empty. */
export const FALLBACK_ENV = 'local';

export function storageFor(ctx: EmulatorContext): StorageService {
  const existing = services.get(ctx);
  if (existing) return existing;
  let root: string;
  if (ctx.dataDir) {
    root = path.join(ctx.dataDir, 'storage');
  } else {
    // In-memory mode keeps nothing after stop: files go to a temp folder removed on stop.
    root = mkdtempSync(path.join(os.tmpdir(), 'wx-cloud-storage-'));
    ctx.onStop(() => {
      try {
        rmSync(root, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
      } catch {
        // Never fail stop() over a temp folder; the OS clears its temp directory eventually.
      }
    });
  }
  const service = new StorageService({
    root,
    env: ctx.project.envId || FALLBACK_ENV,
    baseUrl: () => ctx.url(),
    now: () => ctx.clock.now(),
  });
  services.set(ctx, service);
  return service;
}
