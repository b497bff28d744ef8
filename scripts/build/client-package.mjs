// The mini program package (client/package.json, wx-cloud-login-miniprogram): the login client
// and its components compiled from miniprogram/ (one source: the app in this repository runs the
// same files) into client/miniprogram_dist, the folder DevTools' 构建 npm copies into
// miniprogram_npm. One JS file per source file (CommonJS, as the mini program's module system
// expects), so the components and the page share one session manager; ES2015 output, because
// older DevTools and base libraries reject newer syntax (`?.`, `??`, object spread, async) in
// miniprogram_npm, which their "ES6 to ES5" setting does not always reach.
import { cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { newest } from './declarations.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = path.join(root, 'miniprogram');
export const clientDist = path.join(root, 'client/miniprogram_dist');
/** The package's components (folder = component name), each used as `<pkg>/components/<name>/<name>`. */
export const PACKAGE_COMPONENTS = ['privacy-consent', 'account-deletion', 'phone-binding'];

function entries() {
  return [
    path.join(source, 'lib/index.ts'),
    path.join(source, 'behaviors/privacy-consent.ts'),
    ...PACKAGE_COMPONENTS.map((name) => path.join(source, 'components', name, `${name}.ts`)),
  ];
}

function compile() {
  const program = ts.createProgram(entries(), {
    target: ts.ScriptTarget.ES2015,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2020.d.ts'],
    types: ['miniprogram-api-typings'],
    strict: true,
    skipLibCheck: true,
    declaration: true,
    rootDir: source,
    outDir: clientDist,
    newLine: ts.NewLineKind.LineFeed,
  });
  const result = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].filter(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
  if (diagnostics.length > 0) {
    throw new Error(
      ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => root,
        getNewLine: () => '\n',
      }),
    );
  }
}

/** The component's template, styles and JSON next to its compiled JS. */
async function copyComponentFiles() {
  for (const name of PACKAGE_COMPONENTS) {
    const dir = path.join(source, 'components', name);
    for (const file of await readdir(dir)) {
      if (/\.(wxml|wxss|json)$/.test(file)) {
        await cp(path.join(dir, file), path.join(clientDist, 'components', name, file));
      }
    }
  }
}

export async function build() {
  // A full type-check takes seconds on a shared machine: skip it when nothing changed.
  const built = await stat(path.join(clientDist, 'index.js')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const sources = ['lib', 'components', 'behaviors', 'contract'].map((d) => path.join(source, d));
  if (built > (await newest(sources, /\.(ts|wxml|wxss|json)$/))) return;
  // A clean folder each time: a file removed from the source must not linger in the package.
  await rm(clientDist, { recursive: true, force: true });
  await mkdir(clientDist, { recursive: true });
  compile();
  await copyComponentFiles();
  // `require('wx-cloud-login-miniprogram')` in miniprogram_npm loads the folder's index.js.
  await writeFile(path.join(clientDist, 'index.js'), "module.exports = require('./lib/index');\n");
  await writeFile(path.join(clientDist, 'index.d.ts'), "export * from './lib/index';\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
