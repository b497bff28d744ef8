import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { rcFunctionNames } from '../../support/cloudbaserc';
import { newestFile } from '../../support/newest-file';

export const repoRoot = path.resolve(__dirname, '../../..');
export const functionsDir = path.join(repoRoot, 'cloudfunctions');
export const examplesDir = path.join(repoRoot, 'dist/examples');

function oldestBundle(): number {
  const bundles = [
    ...rcFunctionNames.map((name) => path.join(functionsDir, name, 'index.js')),
    path.join(examplesDir, 'whoami', 'index.js'),
  ];
  if (!bundles.every((file) => existsSync(file))) return 0;
  return Math.min(...bundles.map((file) => statSync(file).mtimeMs));
}

/**
 * The tests run the bundles that get deployed. `npm test` builds first; when a suite is run
 * alone after a source change, the function bundles are rebuilt here (under a lock, since
 * jest workers start suites in parallel).
 */
export function ensureFunctionsBuilt(): void {
  const sources = Math.max(
    newestFile(path.join(repoRoot, 'server')),
    newestFile(path.join(repoRoot, 'contract/src')),
  );
  if (oldestBundle() >= sources) return;
  execFileSync(
    'flock',
    ['/tmp/wx-cloud-login-functions-build.lock', 'node', 'scripts/build/functions.mjs'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
}
