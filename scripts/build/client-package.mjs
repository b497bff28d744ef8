// The mini program package (client/, wx-cloud-login-miniprogram): its source in client/src and the
// contract from contract/src (the same files the cloud functions compile), compiled into
// client/miniprogram_dist, the folder DevTools' 构建 npm copies into miniprogram_npm.
// One JS file per source file (CommonJS, as the mini program's module system expects), so the
// components and the pages share one session manager; ES2015 output, because older DevTools and
// base libraries reject newer syntax (`?.`, `??`, object spread, async) in miniprogram_npm, which
// their "ES6 to ES5" setting does not always reach.
import { cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { newest } from './declarations.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = path.join(root, 'client/src');
const contract = path.join(root, 'contract/src');
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

/** Where a source file's output goes: client/src/x -> x, contract/src/x -> contract/x. */
function distPathOf(file) {
  const inside = (dir) => !path.relative(dir, file).startsWith('..');
  if (inside(source)) return path.join(clientDist, path.relative(source, file));
  if (inside(contract)) return path.join(clientDist, 'contract', path.relative(contract, file));
  throw new Error(`the mini program package cannot ship ${path.relative(root, file)}`);
}

/**
 * Rewrites imports of contract/src in client/src (`../../../contract/src/index`) to the package's
 * own contract folder, in the JS and in the declarations.
 */
function contractImports(context) {
  const { factory } = context;
  return (file) => {
    const from = path.dirname(distPathOf(file.fileName));
    const rewrite = (specifier) => {
      if (!ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return specifier;
      const target = path.resolve(path.dirname(file.fileName), specifier.text);
      if (path.relative(contract, target).startsWith('..')) return specifier;
      let relative = path.relative(from, distPathOf(target)).split(path.sep).join('/');
      if (!relative.startsWith('.')) relative = `./${relative}`;
      return factory.createStringLiteral(relative);
    };
    const visit = (node) => {
      if (ts.isImportDeclaration(node)) {
        return factory.updateImportDeclaration(
          node,
          node.modifiers,
          node.importClause,
          rewrite(node.moduleSpecifier),
          node.attributes,
        );
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        return factory.updateExportDeclaration(
          node,
          node.modifiers,
          node.isTypeOnly,
          node.exportClause,
          rewrite(node.moduleSpecifier),
          node.attributes,
        );
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        return factory.updateImportTypeNode(
          node,
          factory.updateLiteralTypeNode(node.argument, rewrite(node.argument.literal)),
          node.attributes,
          node.qualifier,
          node.typeArguments,
          node.isTypeOf,
        );
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(file, visit);
  };
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
    rootDir: root,
    outDir: clientDist,
    newLine: ts.NewLineKind.LineFeed,
  });
  const outputs = [];
  const result = program.emit(
    undefined,
    (fileName, text, bom, onError, sources) => {
      const original = sources?.[0]?.fileName;
      if (!original) throw new Error(`no source for ${fileName}`);
      const ext = fileName.endsWith('.d.ts') ? '.d.ts' : path.extname(fileName);
      const target = distPathOf(original).replace(/\.ts$/, ext);
      outputs.push([target, text]);
    },
    undefined,
    false,
    { before: [contractImports], afterDeclarations: [contractImports] },
  );
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
  return outputs;
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
  if (built > (await newest([source, contract], /\.(ts|wxml|wxss|json)$/))) return;
  const outputs = compile();
  // A clean folder each time: a file removed from the source must not linger in the package.
  await rm(clientDist, { recursive: true, force: true });
  for (const [file, text] of outputs) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  await copyComponentFiles();
  // `require('wx-cloud-login-miniprogram')` in miniprogram_npm loads the folder's index.js.
  await writeFile(path.join(clientDist, 'index.js'), "module.exports = require('./lib/index');\n");
  await writeFile(path.join(clientDist, 'index.d.ts'), "export * from './lib/index';\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
