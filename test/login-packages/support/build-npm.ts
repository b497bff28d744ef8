import { readdirSync } from 'node:fs';
import path from 'node:path';

// 构建 npm is the build's own step (the repository's mini program uses it too).
export { buildNpm } from '../../../scripts/build/miniprogram-npm.cjs';

/** Every file under a folder, relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}
