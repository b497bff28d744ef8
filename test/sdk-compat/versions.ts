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
