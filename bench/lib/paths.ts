// Where things are, relative to the repo root (bench/ runs from any working directory).
import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';

export const ROOT = path.resolve(__dirname, '../..');
export const FUNCTION_ROOT = path.join(ROOT, 'cloudfunctions');
export const PLAIN_SDK_DIR = path.join(ROOT, 'bench/fixtures/plain-sdk');
export const RESULTS_FILE = path.join(ROOT, 'bench/results/latest.json');

/** Every built cloud function: a folder under cloudfunctions/ with an index.js. */
export function builtFunctionDirs(): Record<string, string> {
  const dirs: Record<string, string> = {};
  if (!existsSync(FUNCTION_ROOT)) return dirs;
  for (const entry of readdirSync(FUNCTION_ROOT, { withFileTypes: true })) {
    const dir = path.join(FUNCTION_ROOT, entry.name);
    if (entry.isDirectory() && existsSync(path.join(dir, 'index.js'))) dirs[entry.name] = dir;
  }
  return dirs;
}
