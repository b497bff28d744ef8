// Type declarations for the emulator's programmatic API, so `require('<repo>/emulator/dist/index.js')`
// (startEmulator, createWxCloud) is typed in any project's tests: emulator/dist/types/** from
// emulator/src/index.ts and what it reaches, plus emulator/dist/index.d.ts pointing at them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitDeclarations } from './declarations.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function build() {
  await emitDeclarations({
    entry: path.join(root, 'emulator/src/index.ts'),
    rootDir: path.join(root, 'emulator/src'),
    outDir: path.join(root, 'emulator/dist'),
    sources: [path.join(root, 'emulator/src')],
  });
}
