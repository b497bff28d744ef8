/**
 * `POST /api/import`, three shapes:
 * - `{ collection, format: "json"|"csv", content, mode? }`: one file's text, as the console page
 *   uploads it (the cloud console's 导入 on one collection); no folder is read.
 * - `{ name, mode? }` naming a folder under `.cloudbase/exports/` that holds seed files: each
 *   collection file goes into its collection, the others stay.
 * - `{ name }` naming an emulator export (with `manifest.json`): replaces the whole database.
 * Folders stay confined to `.cloudbase/exports/` (a page must not make us read anything else).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { exportFolder } from './export-folder';
import { COLLECTION_NAME, IMPORT_MODES, type ImportMode } from '../database';
import type { EmulatorContext } from '../app/context';
import { badRequest, HttpError } from '../http/http-error';
import { isPlainObject } from '../shared/plain-object';
import { storageFor } from '../storage';
import { parseCsv } from './parse-csv';
import { parseJsonLines } from './parse-json-lines';
import { SeedError } from './seed-error';
import { seedFromFolder, type SeedResult } from './seed-folder';
import { resolveDocumentFileIds } from './seed-storage';
import { rememberFileEnvs } from './file-envs';

export type ImportAnswer = { ok: true } & Partial<SeedResult>;

export async function importRequest(ctx: EmulatorContext, body: unknown): Promise<ImportAnswer> {
  if (!isPlainObject(body)) throw badRequest('body must be a JSON object');
  try {
    if (body.collection !== undefined) return await importContent(ctx, body);
    return await importFolder(ctx, body);
  } catch (error) {
    if (error instanceof SeedError) throw new HttpError(400, error.code, error.message);
    throw error;
  }
}

async function importContent(
  ctx: EmulatorContext,
  body: Record<string, unknown>,
): Promise<ImportAnswer> {
  const { collection, format, content } = body;
  if (typeof collection !== 'string' || !COLLECTION_NAME.test(collection))
    throw badRequest('collection must be a collection name');
  if (format !== 'json' && format !== 'csv') throw badRequest('format must be "json" or "csv"');
  if (typeof content !== 'string') throw badRequest('content must be the file text');
  const file = typeof body.file === 'string' && body.file ? body.file : `${collection}.${format}`;
  const parsed = format === 'csv' ? parseCsv(content, file) : parseJsonLines(content, file);
  const collections = ctx.database.importCollections(
    [{ name: collection, ...parsed }],
    modeOf(body.mode, 'insert'),
  );
  // Production file IDs in the documents resolve to the local files, as with a seed folder.
  const named = await resolveDocumentFileIds(storageFor(ctx), parsed.docs);
  rememberFileEnvs(ctx, named.envs);
  return { ok: true, collections, missingFiles: named.missing };
}

async function importFolder(ctx: EmulatorContext, body: Record<string, unknown>) {
  const requested = body.name ?? body.dir;
  if (typeof requested !== 'string' || requested === '')
    throw badRequest('name is required (a folder under .cloudbase/exports)');
  const folder = exportFolder(ctx.project.dir, requested);
  try {
    if (existsSync(path.join(folder.dir, 'manifest.json'))) {
      await ctx.database.importFrom(folder.dir);
      return { ok: true } as const;
    }
    if (!existsSync(folder.dir)) throw badRequest(`${folder.shown} does not exist`);
    const seeded = await seedFromFolder(
      ctx.database,
      storageFor(ctx),
      folder.dir,
      modeOf(body.mode, 'upsert'),
    );
    rememberFileEnvs(ctx, seeded.fileEnvs);
    return { ok: true as const, ...seeded };
  } catch (error) {
    // Say which export, by its project-relative name only.
    const message = (error as Error).message.split(folder.dir).join(folder.shown);
    if (error instanceof SeedError) throw new HttpError(400, error.code, message);
    throw Object.assign(new Error(message), { code: (error as { code?: unknown }).code });
  }
}

function modeOf(value: unknown, fallback: ImportMode): ImportMode {
  if (value === undefined) return fallback;
  if (IMPORT_MODES.includes(value as ImportMode)) return value as ImportMode;
  throw badRequest(`mode must be one of ${IMPORT_MODES.join(', ')}`);
}
