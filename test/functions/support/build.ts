import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { rcFunctionNames } from '../../support/cloudbaserc';

export const repoRoot = path.resolve(__dirname, '../../..');
export const functionsDir = path.join(repoRoot, 'cloudfunctions');
export const examplesDir = path.join(repoRoot, 'dist/examples');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : statSync(file).mtimeMs);
  }
  return newest;
}

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
    newestSource(path.join(repoRoot, 'server')),
    newestSource(path.join(repoRoot, 'contract/src')),
  );
  if (oldestBundle() >= sources) return;
  execFileSync(
    'flock',
    ['/tmp/wx-cloud-login-functions-build.lock', 'node', 'scripts/build/functions.mjs'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
}
