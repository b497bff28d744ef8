// packageBytes: what each published package weighs, as `npm pack` counts it (the tarball a
// team downloads and what it unpacks to), for the login's two packages and the emulator.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/paths';

/** Package folder -> its name on the registry. */
const PACKAGES: Record<string, string> = {
  server: 'wx-cloud-login-server',
  client: 'wx-cloud-login-miniprogram',
  emulator: 'wx-cloud-emulator',
};

export type PackageBytes = Record<string, { tarball: number; unpacked: number; files: number }>;

export function measurePackageBytes(): PackageBytes {
  const sizes: PackageBytes = {};
  for (const [folder, name] of Object.entries(PACKAGES)) {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: path.join(ROOT, folder),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [info] = JSON.parse(out) as Array<{
      size: number;
      unpackedSize: number;
      entryCount: number;
    }>;
    if (!info) throw new Error(`npm pack --dry-run of ${folder}/ printed nothing`);
    sizes[name] = { tarball: info.size, unpacked: info.unpackedSize, files: info.entryCount };
  }
  return sizes;
}
