// Builds the emulator into emulator/dist: cli.js (npm start), index.js (startEmulator) and
// runner.js (the entry of every function instance process). npm packages stay external.
// Files are written only when their content changed, each via a temp file + rename, so a test
// or an emulator that is starting a function process never reads a half-written runner.js.
import { build as esbuild } from 'esbuild';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(root, 'emulator/src');
export const emulatorDist = path.join(root, 'emulator/dist');

export async function build() {
  const result = await esbuild({
    entryPoints: {
      cli: path.join(src, 'cli.ts'),
      index: path.join(src, 'index.ts'),
      runner: path.join(src, 'functions/runner.ts'),
    },
    outdir: emulatorDist,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    write: false,
  });
  await mkdir(emulatorDist, { recursive: true });
  for (const file of result.outputFiles) {
    const current = await readFile(file.path).catch(() => undefined);
    if (current && Buffer.compare(current, file.contents) === 0) continue;
    const temp = `${file.path}.${process.pid}.tmp`;
    await writeFile(temp, file.contents);
    await rename(temp, file.path);
  }
}
