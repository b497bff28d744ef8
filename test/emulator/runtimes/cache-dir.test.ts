/**
 * One per-user runtime cache shared by every project (issue 23 item 5; it was
 * `<project>/.cloudbase/emulator/runtimes`, 87 MB per project), still movable by
 * WX_EMULATOR_RUNTIME_CACHE or the runtimeCacheDir option.
 */
import path from 'node:path';
import { runtimeCacheDir, userCacheDir } from '../../../emulator/src/runtimes';

test('the default is a per-user cache, in each system’s place for caches', () => {
  expect(userCacheDir({}, 'linux', '/home/ann')).toBe(
    '/home/ann/.cache/wx-cloud-emulator/runtimes',
  );
  expect(userCacheDir({ XDG_CACHE_HOME: '/var/cache/ann' }, 'linux', '/home/ann')).toBe(
    '/var/cache/ann/wx-cloud-emulator/runtimes',
  );
  expect(userCacheDir({}, 'darwin', '/Users/ann')).toBe(
    '/Users/ann/Library/Caches/wx-cloud-emulator/runtimes',
  );
  expect(
    userCacheDir({ LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, 'win32', 'C:\\Users\\ann'),
  ).toContain(path.join('wx-cloud-emulator', 'Cache', 'runtimes'));
});

test('the variable and the option still move it; nothing depends on the project', () => {
  expect(runtimeCacheDir(undefined, { WX_EMULATOR_RUNTIME_CACHE: '/srv/runtimes' })).toBe(
    '/srv/runtimes',
  );
  expect(runtimeCacheDir('/opt/rt', { WX_EMULATOR_RUNTIME_CACHE: '/srv/runtimes' })).toBe(
    '/opt/rt',
  );
  expect(runtimeCacheDir(undefined, { XDG_CACHE_HOME: '/c' })).toBe(
    '/c/wx-cloud-emulator/runtimes',
  );
});
