/**
 * `npm test` maps the mini program package's name to the built copy in
 * miniprogram/miniprogram_npm (as DevTools loads it), and builds first. Run as `npx jest` right
 * after editing client/src or contract/src, the page tests would otherwise test the previous
 * build without a word. So the package and its 构建 npm are rebuilt here when a source is newer,
 * once, before any worker starts (a rebuild inside suites would race parallel readers).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { newestFile } from './newest-file';

const root = path.resolve(__dirname, '../..');
const BUILT = path.join(root, 'miniprogram/miniprogram_npm/wx-cloud-login-miniprogram/index.js');

/** Whether the built copy is at least as new as every source and build script it comes from. */
export function miniprogramNpmIsFresh(): boolean {
  if (!existsSync(BUILT)) return false;
  const sources = Math.max(
    newestFile(path.join(root, 'client/src')),
    newestFile(path.join(root, 'contract/src')),
    statSync(path.join(root, 'scripts/build/client-package.mjs')).mtimeMs,
    statSync(path.join(root, 'scripts/build/miniprogram-npm.cjs')).mtimeMs,
  );
  return statSync(BUILT).mtimeMs >= sources;
}

export function ensureFreshMiniprogramNpm(): void {
  if (miniprogramNpmIsFresh()) return;
  process.stdout.write('rebuilding the mini program package and its 构建 npm (a source changed)\n');
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "await (await import('./scripts/build/client-package.mjs')).build();" +
        "await (await import('./scripts/build/miniprogram-npm.cjs')).default.build();",
    ],
    { cwd: root, stdio: 'inherit' },
  );
}
