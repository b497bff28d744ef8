/**
 * What a function folder looks like now, as one string: any change in it (a source file, a new
 * file, `npm install` in its node_modules) gives a different one, so warm instances of the old
 * code are recycled. Read when an instance is taken (no watcher to race): every file and
 * folder outside node_modules, and node_modules by its folder and npm's own record of it
 * (`.package-lock.json`, rewritten by every install), not file by file.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Past this many entries the rest of a huge folder is not looked at (still its folders' times). */
const MAX_ENTRIES = 2000;

/** A missing file is -1 (without an exception: this runs on every warm call). */
function mtimeOf(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}

export function folderSignature(dir: string): string {
  let count = 0;
  let latest = 0;
  let sum = 0;
  const note = (mtime: number): void => {
    count += 1;
    sum = (sum + mtime) % 1e12;
    if (mtime > latest) latest = mtime;
  };
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    note(mtimeOf(folder));
    for (const entry of entries) {
      if (count >= MAX_ENTRIES) return;
      const file = path.join(folder, entry.name);
      if (entry.name === 'node_modules' && entry.isDirectory()) {
        note(mtimeOf(file));
        note(mtimeOf(path.join(file, '.package-lock.json')));
      } else if (entry.isDirectory()) {
        walk(file);
      } else {
        note(mtimeOf(file));
      }
    }
  };
  walk(dir);
  return `${count}:${latest}:${sum}`;
}
