import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isPlainObject } from '../shared/plain-object';
import { parseFileId, type StorageService } from '../storage';
import { SeedError } from './seed-error';
import { STORAGE_FOLDER } from './read-seed-folder';

/** A seed is a developer's sample data, not a mirror of a bucket. */
const MAX_FILES = 10_000;

export interface SeedFile {
  cloudPath: string;
  absolute: string;
}

/** `<seed>/storage/avatars/a.png` is the file whose cloud path is `avatars/a.png`. */
export function listSeedFiles(seedDir: string): SeedFile[] {
  const root = path.join(seedDir, STORAGE_FOLDER);
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return []; // no storage folder: nothing to seed
  }
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const absolute = path.join(entry.parentPath, entry.name);
      return { absolute, cloudPath: path.relative(root, absolute).split(path.sep).join('/') };
    });
  if (files.length > MAX_FILES)
    throw new SeedError(STORAGE_FOLDER, undefined, `holds more than ${MAX_FILES} files`);
  return files.sort((a, b) => a.cloudPath.localeCompare(b.cloudPath));
}

/** Uploads as the admin SDK would (no client owner); returns the file IDs here. */
export async function uploadSeedFiles(storage: StorageService, files: SeedFile[]) {
  const ids: string[] = [];
  for (const file of files)
    ids.push(await storage.upload(file.cloudPath, readFileSync(file.absolute), 'admin'));
  return ids;
}

/**
 * Every `cloud://` ID the seeded documents name: their envs are accepted by storage from now on
 * (a production `cloud://prod-1a2b.7072-prod-1a2b-1250000000/a.png` reads the local `a.png`),
 * and the IDs whose file is missing are returned so the start can say so, with those envs.
 */
export async function resolveDocumentFileIds(
  storage: StorageService,
  docs: Iterable<unknown>,
): Promise<{ missing: string[]; envs: string[] }> {
  const missing: string[] = [];
  const envs = new Set<string>();
  for (const fileID of new Set(collectFileIds(docs))) {
    const file = parseFileId(fileID);
    if (!file) continue;
    storage.acceptFileIdsOf(file.env);
    if (file.env !== storage.env) envs.add(file.env);
    const [answer] = await storage.tempUrls([{ fileID }], 'admin');
    if (answer?.code !== 'SUCCESS') missing.push(fileID);
  }
  return { missing, envs: [...envs] };
}

function* collectFileIds(values: Iterable<unknown>): Generator<string> {
  for (const value of values) {
    if (typeof value === 'string') {
      if (value.startsWith('cloud://')) yield value;
    } else if (Array.isArray(value)) {
      yield* collectFileIds(value);
    } else if (isPlainObject(value)) {
      yield* collectFileIds(Object.values(value));
    }
  }
}
