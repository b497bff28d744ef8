import type { CollectionImportResult, EmulatorDatabaseLike, ImportModeName } from './types';
import { checkCloudPath, type StorageService } from '../storage';
import { readSeedCollections, STORAGE_FOLDER } from './read-seed-folder';
import { SeedError } from './seed-error';
import { listSeedFiles, resolveDocumentFileIds, uploadSeedFiles } from './seed-storage';

export interface SeedResult {
  collections: CollectionImportResult[];
  /** File IDs (local) of the files seeded from `<dir>/storage`. */
  files: string[];
  /** `cloud://` IDs that seeded documents name but no file answers. */
  missingFiles: string[];
  /** Envs other than this one whose file IDs now resolve here. */
  fileEnvs: string[];
}

/**
 * Seeds from a folder as projects keep their sample data: `<collection>.json|.jsonl|.csv` (the
 * cloud console's export formats, one file per collection) and `storage/<cloud path>` files.
 * Every file is read and checked first; then the collections are written in one transaction
 * (other collections untouched), then the files uploaded.
 */
export async function seedFromFolder(
  database: EmulatorDatabaseLike,
  storage: StorageService,
  dir: string,
  mode: ImportModeName,
): Promise<SeedResult> {
  const collections = readSeedCollections(dir);
  const files = listSeedFiles(dir);
  for (const file of files) {
    const problem = checkCloudPath(file.cloudPath);
    if (problem) throw new SeedError(`${STORAGE_FOLDER}/${file.cloudPath}`, undefined, problem);
  }
  const results = database.importCollections(collections, mode);
  const ids = await uploadSeedFiles(storage, files);
  const named = await resolveDocumentFileIds(
    storage,
    collections.flatMap((c) => c.docs),
  );
  return { collections: results, files: ids, missingFiles: named.missing, fileEnvs: named.envs };
}
