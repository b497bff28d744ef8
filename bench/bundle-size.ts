// bundleBytes: what each function uploads, against a plain function.
// A built function uploads its folder (cloudfunctions/<fn>/: index.js, package.json, anything
// else in it except what cloudbaserc.json's `ignore` leaves out). A plain function uploads index.js + package.json + node_modules/wx-server-sdk and
// every package it depends on, transitively (what `npm install` puts next to it); we total the
// files of that dependency closure as installed in this repo's node_modules.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PLAIN_SDK_DIR, ROOT } from './lib/paths';

/** Total size of every regular file under `dir` (symlinks are not followed), minus ignored names. */
export function folderBytes(dir: string, ignored: (name: string) => boolean = () => false): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (ignored(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full, ignored);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

/** Finds `name` the way Node does: node_modules of `fromDir`, then of each parent. */
function findPackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === path.dirname(dir)) return undefined;
  }
}

/** The installed folders of `name` and everything it depends on (production dependencies). */
export function dependencyClosure(name: string, fromDir: string): Set<string> {
  const seen = new Set<string>();
  const queue: Array<[string, string]> = [[name, fromDir]];
  while (queue.length > 0) {
    const [pkg, from] = queue.shift() as [string, string];
    const dir = findPackageDir(pkg, from);
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(manifest.dependencies ?? {})) queue.push([dep, dir]);
  }
  return seen;
}

export function plainSdkBytes(): number {
  let total = folderBytes(PLAIN_SDK_DIR);
  for (const dir of dependencyClosure('wx-server-sdk', ROOT)) {
    // A nested package's folder is also counted by its parent's walk; count top-level ones only.
    if (!path.relative(ROOT, dir).split(path.sep).slice(1).includes('node_modules')) {
      total += folderBytes(dir);
    }
  }
  return total;
}

interface FunctionEntry {
  name: string;
  ignore?: string[];
}

/**
 * What `tcb fn deploy` leaves out of a function folder: cloudbaserc.json `ignore` (default
 * config merged with the function's own). Patterns here are names or `*.ext` (all we use).
 */
function ignoreRule(name: string): (file: string) => boolean {
  const rc = JSON.parse(readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
    functionDefaultConfig?: { ignore?: string[] };
    functions?: FunctionEntry[];
  };
  const own = rc.functions?.find((f) => f.name === name)?.ignore;
  const patterns = own ?? rc.functionDefaultConfig?.ignore ?? [];
  return (file) =>
    patterns.some((p) => (p.startsWith('*') ? file.endsWith(p.slice(1)) : file === p));
}

export function measureBundleBytes(functionDirs: Record<string, string>): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const [name, dir] of Object.entries(functionDirs)) {
    sizes[name] = folderBytes(dir, ignoreRule(name));
  }
  sizes.plainSdk = plainSdkBytes();
  return sizes;
}
