/** One StorageService per running emulator, shared by its routes and its admin actions. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmulatorContext } from '../app/context';
import { EmulatorStartError } from '../config/errors';
import { StorageService } from './storage-service';
import { StorageRuleError } from './storage-rule';
import { StorageRuleSource } from './storage-rule-source';

const services = new WeakMap<EmulatorContext, StorageService>();

/** Env name used in file IDs when cloudbaserc.json leaves envId empty. */
export const FALLBACK_ENV = 'local';

export function storageFor(ctx: EmulatorContext): StorageService {
  const existing = services.get(ctx);
  if (existing) return existing;
  const rules = checkedRules(ctx.project.dir);
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
    rules,
    root,
    env: ctx.project.envId || FALLBACK_ENV,
    baseUrl: () => ctx.url(),
    now: () => ctx.clock.now(),
  });
  services.set(ctx, service);
  return service;
}

/** The project's storage rule, checked now: a broken file stops the start with one line. */
function checkedRules(projectDir: string): StorageRuleSource {
  const rules = new StorageRuleSource(projectDir);
  try {
    rules.check();
  } catch (error) {
    if (error instanceof StorageRuleError)
      throw new EmulatorStartError(`storage security rules: ${error.message}`);
    throw error;
  }
  return rules;
}
