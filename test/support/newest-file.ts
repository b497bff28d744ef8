import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The newest modification time of any file under `dir` (0 for an empty folder). The suites'
 * build helpers compare it with their build output's time to rebuild only after an edit.
 */
export function newestFile(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(file) : statSync(file).mtimeMs);
  }
  return newest;
}
