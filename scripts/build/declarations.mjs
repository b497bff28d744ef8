// Type declarations of one entry and what it reaches, through the TypeScript compiler API (no
// child process): `<outDir>/types/**` plus `<outDir>/index.d.ts` pointing at the entry's.
// Used for the emulator's programmatic API and for the server package.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Newest modification time of the files under some folders whose names match `pattern`. */
export async function newest(dirs, pattern = /\.ts$/) {
  let latest = 0;
  for (const dir of dirs) {
    for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !pattern.test(entry.name)) continue;
      const file = path.join(entry.parentPath ?? entry.path, entry.name);
      latest = Math.max(latest, (await stat(file)).mtimeMs);
    }
  }
  return latest;
}

/**
 * `entry` (absolute), declarations rooted at `rootDir` into `outDir/types`; skipped when
 * `outDir/index.d.ts` is newer than every source under `sources` (a full type-check takes
 * seconds on a shared machine).
 */
export async function emitDeclarations({ entry, rootDir, outDir, sources }) {
  const marker = path.join(outDir, 'index.d.ts');
  const built = await stat(marker).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built > (await newest(sources))) return;
  const base = ts.readConfigFile(path.join(root, 'tsconfig.base.json'), ts.sys.readFile).config;
  const { options } = ts.convertCompilerOptionsFromJson(base.compilerOptions, root);
  const program = ts.createProgram([entry], {
    ...options,
    types: ['node'],
    declaration: true,
    emitDeclarationOnly: true,
    noEmit: false,
    rootDir,
    outDir: path.join(outDir, 'types'),
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
  await mkdir(outDir, { recursive: true });
  const typesOfEntry = path.relative(rootDir, entry).replace(/\.ts$/, '').split(path.sep).join('/');
  await writeFile(marker, `export * from './types/${typesOfEntry}';\n`);
}
