/**
 * The wx-server-sdk versions real projects pin (one per minor line the issue lists), each the
 * newest patch the registry still has. `~2.6.3` was the DevTools template default for years.
 */
import path from 'node:path';

export const SDK_VERSIONS = [
  '1.8.3',
  '2.0.4',
  '2.3.3',
  '2.5.4',
  '2.6.3',
  '2.7.2',
  '3.0.4',
  '4.0.2',
] as const;

const repoRoot = path.resolve(__dirname, '../..');

/**
 * Where each version is installed once (outside git, reused by every run). Movable by
 * WX_SDK_COMPAT_CACHE; by default next to the emulator's other caches of this checkout.
 */
export function compatCacheDir(): string {
  return path.resolve(
    process.env.WX_SDK_COMPAT_CACHE ?? path.join(repoRoot, '.cloudbase/sdk-compat'),
  );
}

/** The function folder of one version: probe_1_8_3 (names are identifiers in the project). */
export function probeName(version: string): string {
  return `probe_${version.replace(/\./g, '_')}`;
}

/**
 * Projects on 1.x/2.0.x were made for Node 8 to 12: they run on the oldest runtime the emulator
 * runs, so the bootstrap's routing is tried on the oldest Node too; the rest on Nodejs18.15.
 */
export function runtimeFor(version: string): string {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < 2 || (major === 2 && minor < 3) ? 'Nodejs16.13' : 'Nodejs18.15';
}
