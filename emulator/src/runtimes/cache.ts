/**
 * The runtime cache: one folder per exact Node build (`node-v18.15.0-linux-x64/bin/node`),
 * filled once from the npm registry and reused by every start. A build is unpacked into a
 * scratch folder and renamed into place, so a cancelled download or two emulators starting at
 * once never leave a half-written binary behind.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { downloadTarball, type Progress } from './download';
import { npmDist } from './npm-client';
import type { NodePackage } from './platform';

/** Downloads already under way in this process, by cache folder (parallel starts share one). */
const pending = new Map<string, Promise<string>>();

/** `<cache>/node-v18.15.0-linux-x64`: Node's own name for a release build. */
function cacheFolder(cacheDir: string, pkg: NodePackage, version: string): string {
  return path.join(cacheDir, pkg.name.replace(/^node-/, `node-v${version}-`));
}

export function cachedBinary(cacheDir: string, pkg: NodePackage, version: string): string {
  return path.join(cacheFolder(cacheDir, pkg, version), pkg.binary);
}

export function ensureCachedNode(
  cacheDir: string,
  pkg: NodePackage,
  version: string,
  projectDir: string,
  onProgress: Progress,
): Promise<string> {
  const binary = cachedBinary(cacheDir, pkg, version);
  if (existsSync(binary)) return Promise.resolve(binary);
  const started = pending.get(binary);
  if (started) return started;
  const job = install(cacheDir, pkg, version, projectDir, onProgress, binary).finally(() =>
    pending.delete(binary),
  );
  pending.set(binary, job);
  return job;
}

async function install(
  cacheDir: string,
  pkg: NodePackage,
  version: string,
  projectDir: string,
  onProgress: Progress,
  binary: string,
): Promise<string> {
  const spec = `${pkg.name}@${version}`;
  await mkdir(cacheDir, { recursive: true });
  await removeAbandoned(cacheDir);
  const scratch = await mkdtemp(path.join(cacheDir, '.download-'));
  onProgress(0, undefined);
  try {
    const dist = await npmDist(spec, projectDir);
    const tgz = await downloadTarball(spec, dist, scratch, projectDir, onProgress);
    const unpacked = path.join(scratch, 'unpacked');
    await mkdir(unpacked);
    // Only the binary and the licence: the headers and docs are 100 MB nobody here needs.
    const wanted = new Set([pkg.binary.split(path.sep).join('/'), 'LICENSE']);
    // Loaded only here: a start whose Node builds are cached (nearly every start) unpacks nothing.
    const tar = await import('tar');
    await tar.x({
      file: tgz,
      cwd: unpacked,
      strip: 1,
      filter: (entry) => wanted.has(entry.replace(/^package\//, '')),
    });
    if (!existsSync(path.join(unpacked, pkg.binary))) {
      throw new Error(`${spec} has no ${pkg.binary}`);
    }
    const folder = cacheFolder(cacheDir, pkg, version);
    try {
      await rename(unpacked, folder);
    } catch (error) {
      // Another emulator finished the same download first: use its copy.
      if (!existsSync(binary)) throw error;
    }
    return binary;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Scratch folders of downloads that were cancelled (Ctrl-C) over an hour ago. */
async function removeAbandoned(cacheDir: string): Promise<void> {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of await readdir(cacheDir)) {
    if (!name.startsWith('.download-')) continue;
    const dir = path.join(cacheDir, name);
    const info = await stat(dir).catch(() => undefined);
    if (info && info.mtimeMs < hourAgo) await rm(dir, { recursive: true, force: true });
  }
}
