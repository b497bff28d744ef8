/**
 * Issue 25 item 3: the functions this repository deploys are built from the server package's
 * handlers (`export { <name> as main } from './server/src/handlers'`, what the package
 * exports), and each bundle keeps only its own handler: were the package's other handlers bundled too,
 * every bundle would be the same file.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureFunctionsBuilt, functionsDir, repoRoot } from '../support/build';

const rc = JSON.parse(readFileSync(path.join(repoRoot, 'cloudbaserc.json'), 'utf8')) as {
  functions: Array<{ name: string }>;
};
const names = rc.functions.map((fn) => fn.name);

beforeAll(() => ensureFunctionsBuilt());

test('every deployed function is a handler of the server package', () => {
  const entry = readFileSync(path.join(repoRoot, 'server/src/handlers.ts'), 'utf8');
  for (const name of names) {
    expect(entry).toContain(`export { main as ${name} } from './functions/${name}';`);
  }
});

test('each bundle carries only its own handler (no two bundles are the same file)', () => {
  const sizes = names.map((name) => statSync(path.join(functionsDir, name, 'index.js')).size);
  expect(new Set(sizes).size).toBe(names.length);
});
