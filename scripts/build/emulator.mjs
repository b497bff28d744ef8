// Builds the emulator into emulator/dist: cli.js (npm start), index.js (startEmulator) and
// runner.js (the entry of every function instance process, built for the oldest runtime).
// npm packages stay external.
// Files are written only when their content changed, each via a temp file + rename, so a test
// or an emulator that is starting a function process never reads a half-written runner.js.
import { build as esbuild } from 'esbuild';
import { mkdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(root, 'emulator/src');
export const emulatorDist = path.join(root, 'emulator/dist');

const common = {
  outdir: emulatorDist,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  write: false,
};

export async function build() {
  const [emulator, runner] = await Promise.all([
    esbuild({
      ...common,
      entryPoints: { cli: path.join(src, 'cli.ts'), index: path.join(src, 'index.ts') },
      target: 'node20',
    }),
    // runner.js runs inside each function instance, on the Node its runtime names: the oldest
    // runtime the emulator runs is Nodejs16.13 (emulator/src/runtimes/versions.ts).
    esbuild({
      ...common,
      entryPoints: { runner: path.join(src, 'functions/runner.ts') },
      target: 'node16.13',
    }),
  ]);
  await mkdir(emulatorDist, { recursive: true });
  for (const file of [...emulator.outputFiles, ...runner.outputFiles]) {
    const current = await readFile(file.path).catch(() => undefined);
    if (current && Buffer.compare(current, file.contents) === 0) {
      // Unchanged: its time is set to now, so the file says "built from the sources as they
      // are now", which test/emulator/host/support.ts compares (as functions.mjs does).
      const now = new Date();
      await utimes(file.path, now, now);
      continue;
    }
    const temp = `${file.path}.${process.pid}.tmp`;
    await writeFile(temp, file.contents);
    await rename(temp, file.path);
  }
}
