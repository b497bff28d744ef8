import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { COLLECTION_NAME } from '../database';
import { parseCsv } from './parse-csv';
import { parseJsonLines } from './parse-json-lines';
import type { ParsedCollection } from './parsed-collection';
import { SeedError } from './seed-error';

/** Files the cloud console exports, by extension; `.jsonl` is what the emulator's export writes. */
const PARSERS: Record<string, (text: string, file: string) => ParsedCollection> = {
  '.json': parseJsonLines,
  '.jsonl': parseJsonLines,
  '.csv': parseCsv,
};

/** The emulator's own export keeps this next to its `.jsonl` files: not a collection. */
const MANIFEST = 'manifest.json';
export const STORAGE_FOLDER = 'storage';

export interface SeedCollection extends ParsedCollection {
  name: string;
  file: string;
}

/** A seed file's format from its name, or undefined when it is not one. */
export function seedParser(file: string) {
  return PARSERS[path.extname(file).toLowerCase()];
}

/**
 * One file per collection, named after it (`users.json`, `orders.csv`), directly in `dir`.
 * Everything is read and checked before anything is written.
 */
export function readSeedCollections(dir: string): SeedCollection[] {
  const seen = new Map<string, string>();
  const collections: SeedCollection[] = [];
  for (const file of readdirSync(dir).sort()) {
    const parser = seedParser(file);
    if (!parser || file === MANIFEST || !statSync(path.join(dir, file)).isFile()) continue;
    const name = file.slice(0, -path.extname(file).length);
    if (!COLLECTION_NAME.test(name))
      throw new SeedError(file, undefined, `"${name}" is not a collection name`);
    const other = seen.get(name);
    if (other) throw new SeedError(file, undefined, `collection ${name} also comes from ${other}`);
    seen.set(name, file);
    collections.push({ name, file, ...parseSeedFile(dir, file, parser) });
  }
  return collections;
}

function parseSeedFile(
  dir: string,
  file: string,
  parser: (text: string, file: string) => ParsedCollection,
): ParsedCollection {
  const bytes = readFileSync(path.join(dir, file));
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return parser(text.decode(bytes), file);
  } catch (error) {
    if (error instanceof SeedError) throw error;
    throw new SeedError(file, undefined, `not UTF-8 text (${(error as Error).message})`);
  }
}
