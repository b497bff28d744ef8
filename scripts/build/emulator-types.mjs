// Type declarations for the emulator's programmatic API, so `require('<repo>/emulator/dist/index.js')`
// (startEmulator, createWxCloud) is typed in any project's tests: emulator/dist/types/** from
// emulator/src/index.ts and what it reaches, plus emulator/dist/index.d.ts pointing at them.
// Uses the TypeScript compiler API (no child process); only declarations are emitted.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'emulator/dist');

/** Newest modification time under a folder (the sources the declarations come from). */
async function newest(dir) {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    latest = Math.max(
      latest,
      (await stat(path.join(entry.parentPath ?? entry.path, entry.name))).mtimeMs,
    );
  }
  return latest;
}

export async function build() {
  // Declarations take a full type-check (seconds on a shared machine): skip when up to date.
  const marker = path.join(dist, 'index.d.ts');
  const built = await stat(marker).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built > (await newest(path.join(root, 'emulator/src')))) return;
  const base = ts.readConfigFile(path.join(root, 'tsconfig.base.json'), ts.sys.readFile).config;
  const { options } = ts.convertCompilerOptionsFromJson(base.compilerOptions, root);
  const program = ts.createProgram([path.join(root, 'emulator/src/index.ts')], {
    ...options,
    types: ['node'],
    declaration: true,
    emitDeclarationOnly: true,
    noEmit: false,
    rootDir: path.join(root, 'emulator/src'),
    outDir: path.join(dist, 'types'),
  });
  const result = program.emit();
  const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const host = {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    };
    throw new Error(ts.formatDiagnostics(errors, host));
  }
  await mkdir(dist, { recursive: true });
  await writeFile(path.join(dist, 'index.d.ts'), "export * from './types/index';\n");
}
