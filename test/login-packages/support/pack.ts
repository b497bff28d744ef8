import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');

export interface Packed {
  /** Absolute path of the tarball. */
  tarball: string;
  /** Size of the tarball in bytes. */
  size: number;
  unpackedSize: number;
  files: string[];
}

/** `npm pack` of one package folder of this repository into `destination`. */
export function pack(packageDir: string, destination: string, dryRun = false): Packed {
  const out = execFileSync(
    'npm',
    [
      'pack',
      '--json',
      '--ignore-scripts',
      '--pack-destination',
      destination,
      ...(dryRun ? ['--dry-run'] : []),
    ],
    { cwd: path.join(repoRoot, packageDir), encoding: 'utf8' },
  );
  const [info] = JSON.parse(out) as Array<{
    filename: string;
    size: number;
    unpackedSize: number;
    files: Array<{ path: string }>;
  }>;
  return {
    tarball: path.join(destination, info.filename),
    size: info.size,
    unpackedSize: info.unpackedSize,
    files: info.files.map((file) => file.path),
  };
}

/**
 * Installs packages into `folder` with npm (from its cache when it can), as a function folder's `npm install`
 * does; `dependencies` are npm specs (a tarball path, `file:` a folder).
 */
export function installInto(
  folder: string,
  dependencies: Record<string, string>,
  extraFlags: string[] = [],
): void {
  const manifest = { name: path.basename(folder), version: '1.0.0', private: true, dependencies };
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest));
  execFileSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
      ...extraFlags,
    ],
    { cwd: folder, stdio: 'pipe' },
  );
}
