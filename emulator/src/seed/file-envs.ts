/**
 * The production envs whose file IDs seeded documents name, kept in the data folder so that
 * those documents still resolve after a restart without `--seed` (the documents are persistent,
 * so the mapping must be too). In-memory runs keep it in the StorageService only.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EmulatorContext } from '../app/context';
import { storageFor } from '../storage';

const FILE = path.join('seed', 'file-envs.json');

export function restoreFileEnvs(ctx: EmulatorContext): void {
  for (const env of readEnvs(ctx.dataDir)) storageFor(ctx).acceptFileIdsOf(env);
}

export function rememberFileEnvs(ctx: EmulatorContext, envs: Iterable<string>): void {
  if (!ctx.dataDir) return;
  const known = new Set(readEnvs(ctx.dataDir));
  const before = known.size;
  for (const env of envs) known.add(env);
  if (known.size === before) return;
  mkdirSync(path.join(ctx.dataDir, 'seed'), { recursive: true });
  writeFileSync(path.join(ctx.dataDir, FILE), `${JSON.stringify([...known].sort())}\n`);
}

function readEnvs(dataDir: string | undefined): string[] {
  if (!dataDir) return [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(dataDir, FILE), 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string') : [];
  } catch {
    return []; // nothing seeded yet (or a damaged file: the next seed writes it again)
  }
}
