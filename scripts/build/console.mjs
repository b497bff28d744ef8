// Builds the emulator's web console (emulator/console, Vite + Vue 3 + Element Plus) into
// emulator/dist/console, which the emulator serves at `/`. Quiet unless something is wrong.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function build() {
  await viteBuild({
    configFile: path.join(root, 'emulator/console/vite.config.mts'),
    logLevel: 'warn',
  });
}
