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

/**
 * The versions wx-cloud-login-server is run on (server-package.test.ts): the ones above plus
 * the minor lines in between that the registry has, so its peer range (^1.8.3 … ^4.0.0)
 * covers only tested minor lines. Extra versions are cached beside the probe project.
 */
export const SERVER_SDK_VERSIONS = [...SDK_VERSIONS, '2.1.2', '2.2.0', '2.4.0'] as const;

/**
 * Older versions on the registry, which the package refuses at load with SdkVersionError:
 * 0.x has no DYNAMIC_CURRENT_ENV (init would pick the default environment, not the
 * function's), and 1.5.3 sends cloud calls to a fixed public host the emulator cannot answer,
 * so it cannot be tested here.
 */
export const REFUSED_SDK_VERSIONS = ['0.8.1', '1.5.3'] as const;

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
