// The build swaps internals of @cloudbase/node-sdk for stand-ins (server/build/lazy-modules.mjs)
// and the bundle carries the SDK's exact code. Both are only safe while the SDK stays the version
// they were written against: each test here fails, naming the internal or package, when an
// upgrade changes what the build relies on.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/build';

interface BuildFacts {
  /** Module specifiers the plugin replaced, each with the file that required it. */
  replaced: Array<{ specifier: string; importer: string }>;
  /** Every module the plugin is configured to replace, with its options. */
  configured: Record<string, { esModule: boolean; deferredCalls?: string[]; excluded?: string }>;
  /** node_modules package folders whose code ended up in the bundle. */
  packages: string[];
}

/** Bundles the login function with the real plugin and reports what it replaced. */
function buildFacts(): BuildFacts {
  const script = `
import * as esbuild from 'esbuild';
import { lazyModules, LAZY_MODULES } from './server/build/lazy-modules.mjs';
const replaced = [];
const result = await esbuild.build({
  entryPoints: ['server/src/functions/login.ts'], bundle: true, platform: 'node', format: 'cjs',
  target: 'node18', write: false, metafile: true, logLevel: 'error',
  plugins: [lazyModules({ onReplace: (specifier, importer) => replaced.push({ specifier, importer }) })],
});
const packages = new Set();
for (const file of Object.keys(result.metafile.inputs)) {
  const m = /^(?:[^:]*:)?.*?node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(file);
  if (m && !file.startsWith('lazy-module')) packages.add(m[1]);
}
console.log(JSON.stringify({ replaced, configured: LAZY_MODULES, packages: [...packages] }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return JSON.parse(out) as BuildFacts;
}

function packageJson(dir: string): {
  version: string;
  dependencies?: Record<string, string>;
} {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
  };
}

const EXACT = /^\d+\.\d+\.\d+$/;
const nodeModules = path.join(repoRoot, 'node_modules');

describe('SDK internals the build replaces', () => {
  let facts: BuildFacts;
  beforeAll(() => {
    facts = buildFacts();
  }, 60_000);

  test('every configured internal is still required by @cloudbase/node-sdk', () => {
    const seen = new Set(facts.replaced.map((r) => r.specifier));
    const missing = Object.keys(facts.configured).filter((name) => !seen.has(name));
    // A name here means an upgrade moved or dropped it: the stand-in no longer does anything.
    expect(missing).toEqual([]);
    for (const r of facts.replaced) expect(r.importer).toMatch(/@cloudbase[\\/]node-sdk[\\/]dist/);
  });

  test('deferred calls still exist on the real module and are still called by node-sdk', async () => {
    const sdkSource = readFileSync(
      path.join(nodeModules, '@cloudbase/node-sdk/dist/cloudbase.js'),
      'utf8',
    );
    const broken: string[] = [];
    for (const [name, spec] of Object.entries(facts.configured)) {
      for (const call of spec.deferredCalls ?? []) {
        const real = (await import(require.resolve(name, { paths: [nodeModules] }))) as {
          default?: { default?: Record<string, unknown> } & Record<string, unknown>;
        };
        if (typeof (real.default?.default ?? real.default)?.[call] !== 'function')
          broken.push(`${name}: default.${call}`);
        if (!sdkSource.includes(`.default.${call}(`))
          broken.push(`node-sdk no longer calls ${call}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('excluded internals are reached only through the method that documents them', () => {
    const sdkSource = readFileSync(
      path.join(nodeModules, '@cloudbase/node-sdk/dist/cloudbase.js'),
      'utf8',
    );
    // './ai' is bound to `ai_1` and used by `ai()` alone: any other use would make a bundled
    // function throw "not bundled" on a path these functions take.
    expect(facts.configured['./ai']?.excluded).toBeDefined();
    const uses = sdkSource.match(/\bai_1\.\w+/g) ?? [];
    expect(uses).toEqual(['ai_1.createAI']);
    expect(facts.packages).not.toContain('@cloudbase/ai');
  });

  test('every bundled @cloudbase package is pinned to an exact version', () => {
    const root = packageJson(repoRoot);
    expect(root.dependencies?.['wx-server-sdk']).toMatch(EXACT);
    const sdk = packageJson(path.join(nodeModules, 'wx-server-sdk'));
    expect(sdk.version).toBe(root.dependencies?.['wx-server-sdk']);
    const nodeSdk = packageJson(path.join(nodeModules, '@cloudbase/node-sdk'));
    const declared: Record<string, string> = {
      ...sdk.dependencies,
      ...nodeSdk.dependencies,
    };
    const loose = facts.packages
      .filter((name) => name.startsWith('@cloudbase/'))
      .filter((name) => !EXACT.test(declared[name] ?? ''))
      .map((name) => `${name}@${declared[name] ?? '(undeclared)'}`);
    expect(loose).toEqual([]);
  });
});
