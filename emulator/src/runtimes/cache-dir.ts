/**
 * Where exact Node builds are kept: one per-user cache shared by every project (each build is
 * 30-40 MB; a copy per project was 87 MB each), unless WX_EMULATOR_RUNTIME_CACHE (or the
 * runtimeCacheDir option) moves it. The places follow each system's convention for caches.
 */
import { homedir } from 'node:os';
import path from 'node:path';

export function userCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
    return path.join(local, 'wx-cloud-emulator', 'Cache', 'runtimes');
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Caches', 'wx-cloud-emulator', 'runtimes');
  }
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : '';
  return path.join(xdg || path.join(home, '.cache'), 'wx-cloud-emulator', 'runtimes');
}

/** The option, else the variable, else the per-user cache. */
export function runtimeCacheDir(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = option ?? env.WX_EMULATOR_RUNTIME_CACHE;
  return chosen ? path.resolve(chosen) : userCacheDir(env);
}
