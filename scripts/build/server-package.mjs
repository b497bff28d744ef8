// The server package (server/package.json, wx-cloud-login-server): server/src/package.ts
// bundled into server/dist/index.js, CommonJS for Node 16.13+, with wx-server-sdk left as
// `require('wx-server-sdk')` so the function folder's own SDK (the peer dependency) is used.
// Not minified: it is read in stack traces and by curious users. The configuration defaults
// are cloudbaserc.json's functionDefaultConfig.envVariables, baked in exactly as the bundled
// functions get them (server/src/config.ts), so package users start from the same values.
import * as esbuild from 'esbuild';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitDeclarations } from './declarations.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const serverPackageDir = path.join(root, 'server');
const entry = path.join(root, 'server/src/package.ts');

export async function build() {
  const rc = JSON.parse(await readFile(path.join(root, 'cloudbaserc.json'), 'utf8'));
  await esbuild.build({
    entryPoints: [entry],
    outfile: path.join(serverPackageDir, 'dist/index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16.13',
    format: 'cjs',
    external: ['wx-server-sdk'],
    legalComments: 'none',
    logLevel: 'error',
    define: {
      __CLOUDBASERC_ENV__: JSON.stringify(rc.functionDefaultConfig?.envVariables ?? {}),
    },
  });
  // `wx-cloud-login-server preflight` (package.json bin): the shared checks as written
  // (server/preflight, plain ESM that this repository's scripts/preflight.mjs imports too), and
  // the package's own validation beside them, without wx-server-sdk (a project root has none).
  const preflight = path.join(serverPackageDir, 'dist/preflight');
  await cp(path.join(serverPackageDir, 'preflight'), preflight, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(root, 'server/src/preflight-support.ts')],
    outfile: path.join(preflight, 'support.js'),
    bundle: true,
    platform: 'node',
    target: 'node16.13',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'error',
    define: {
      __CLOUDBASERC_ENV__: JSON.stringify(rc.functionDefaultConfig?.envVariables ?? {}),
    },
  });
  // The database and storage rules and the recommended indexes ship with the package, so a
  // team pastes them from node_modules/wx-cloud-login-server/dist/rules (docs/adopt.md).
  const rules = path.join(serverPackageDir, 'dist/rules');
  await cp(path.join(root, 'database/security-rules'), path.join(rules, 'database'), {
    recursive: true,
  });
  await cp(path.join(root, 'database/indexes.json'), path.join(rules, 'indexes.json'));
  await cp(path.join(root, 'storage/security-rules.json'), path.join(rules, 'storage.json'));
  // Declarations from the repository root: the package's types reach the contract
  // (contract/src), which lives beside server/ so the mini program shares it.
  await emitDeclarations({
    entry,
    rootDir: root,
    outDir: path.join(serverPackageDir, 'dist'),
    sources: [path.join(root, 'server/src'), path.join(root, 'contract/src')],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
