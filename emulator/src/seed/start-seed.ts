/** What `startEmulator` does with seeds before it listens: listed collections, then `--seed`. */
import path from 'node:path';
import { statSync } from 'node:fs';
import { EmulatorStartError } from '../config/errors';
import type { ImportMode } from '../database';
import type { EmulatorContext } from '../app/context';
import { storageFor } from '../storage';
import { rememberFileEnvs, restoreFileEnvs } from './file-envs';
import { listedCollections } from './listed-collections';
import { seedFromFolder } from './seed-folder';
import type { EmulatorDatabaseLike } from './types';

/** Creates the collections cloudbaserc.json `databases[]` lists; returns the ones it created. */
export function createListedCollections(
  database: EmulatorDatabaseLike,
  projectDir: string,
): string[] {
  const { names, problems } = listedCollections(projectDir);
  if (problems.length) throw new EmulatorStartError(`cloudbaserc.json: ${problems.join('; ')}`);
  return names.filter((name) => database.ensureCollection(name));
}

export interface SeedOptions {
  /** `--seed <dir>`: any folder the user names. */
  seedDir?: string;
  /** How seeded collections meet data already there (default `upsert`, so a restart is harmless). */
  seedMode?: ImportMode;
}

export async function seedAtStart(ctx: EmulatorContext, options: SeedOptions): Promise<void> {
  restoreFileEnvs(ctx);
  const created = createListedCollections(ctx.database, ctx.project.dir);
  if (created.length)
    ctx.logger.log(
      'info',
      `created collections ${created.join(', ')} (cloudbaserc.json databases)`,
    );
  if (!options.seedDir) return;
  const dir = path.resolve(options.seedDir);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new EmulatorStartError(`--seed ${dir} is not a folder`);
  let result;
  try {
    result = await seedFromFolder(ctx.database, storageFor(ctx), dir, options.seedMode ?? 'upsert');
  } catch (error) {
    throw new EmulatorStartError(`--seed ${dir}: ${(error as Error).message}`);
  }
  rememberFileEnvs(ctx, result.fileEnvs);
  for (const c of result.collections) {
    ctx.logger.log('info', `seeded ${c.name}: ${c.inserted} inserted, ${c.updated} updated`);
  }
  if (result.files.length) ctx.logger.log('info', `seeded ${result.files.length} storage files`);
  for (const fileID of result.missingFiles) {
    ctx.logger.log(
      'warn',
      `seeded documents name ${fileID}, which no file in ${dir}/storage answers`,
    );
  }
}
