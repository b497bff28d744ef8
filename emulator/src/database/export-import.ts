import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromCanonical, isPlainObject, toCanonical } from './ejson';
import { invalidParam } from './errors';
import { idKey } from './ids';
import type { Store } from './store';
import { COLLECTION_NAME } from './actions/collection';

/**
 * Export format (version 1), one folder:
 * - `manifest.json`: `{ version: 1, exportedAt: <ISO time>, collections: [{ name, count, file }] }`
 * - `<name>.jsonl`: one document per line, canonical Extended JSON, in natural order.
 * Importing an export gives back the same collections with the same documents in the same order.
 */
export const EXPORT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

export interface ExportManifest {
  version: number;
  exportedAt: string;
  collections: { name: string; count: number; file: string }[];
}

export function exportStore(store: Store, dir: string): ExportManifest {
  mkdirSync(dir, { recursive: true });
  const manifest: ExportManifest = {
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    collections: [],
  };
  for (const name of store.names()) {
    const lines: string[] = [];
    for (const doc of store.table(name).scan()) lines.push(toCanonical(doc));
    const file = `${name}.jsonl`;
    writeFileSync(join(dir, file), lines.length ? `${lines.join('\n')}\n` : '');
    manifest.collections.push({ name, count: lines.length, file });
  }
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Replaces everything in `store` with the export in `dir`, all at once or not at all. */
export function importStore(store: Store, dir: string): ExportManifest {
  const manifest = readManifest(dir);
  const contents = manifest.collections.map((c) => {
    const lines = readFileSync(join(dir, c.file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    if (lines.length !== c.count)
      throw invalidParam(`${c.file} holds ${lines.length} documents, manifest says ${c.count}`);
    return { name: c.name, docs: lines.map(fromCanonical) };
  });
  try {
    store.transaction(() => {
      for (const name of store.names()) store.drop(name);
      for (const { name, docs } of contents) {
        store.create(name);
        const table = store.table(name);
        for (const doc of docs) table.insert(idKey(doc._id), doc);
      }
    });
  } catch (error) {
    store.reloadRegistry(); // the SQLite transaction rolled back; forget the tables it made
    throw error;
  }
  return manifest;
}

function readManifest(dir: string): ExportManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
  } catch (error) {
    throw invalidParam(`cannot read ${join(dir, MANIFEST_FILE)}: ${(error as Error).message}`);
  }
  if (
    !isPlainObject(parsed) ||
    parsed.version !== EXPORT_VERSION ||
    !Array.isArray(parsed.collections)
  ) {
    throw invalidParam(`${MANIFEST_FILE} is not a version ${EXPORT_VERSION} export manifest`);
  }
  for (const c of parsed.collections as unknown[]) {
    if (
      !isPlainObject(c) ||
      typeof c.name !== 'string' ||
      typeof c.file !== 'string' ||
      typeof c.count !== 'number'
    ) {
      throw invalidParam(`${MANIFEST_FILE} lists a collection without name, file and count`);
    }
    if (!COLLECTION_NAME.test(c.name))
      throw invalidParam(`invalid collection name in ${MANIFEST_FILE}: ${c.name}`);
    // Only plain file names inside the export folder.
    if (c.file.includes('/') || c.file.includes('\\') || c.file.startsWith('..')) {
      throw invalidParam(`${MANIFEST_FILE} names a file outside the export: ${c.file}`);
    }
  }
  return parsed as unknown as ExportManifest;
}
