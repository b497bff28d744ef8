import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// Built by scripts/build/console.mjs into emulator/dist/console, which the emulator serves at `/`.
// For UI work: `EMULATOR_URL=http://127.0.0.1:<port> npx vite emulator/console` proxies /api to a
// running emulator and reloads on save.
export default defineConfig({
  root: here,
  // Relative asset URLs: the bundle works wherever the emulator mounts it.
  base: './',
  plugins: [vue()],
  build: {
    outDir: path.resolve(here, '../dist/console'),
    emptyOutDir: true,
    // Element Plus alone is ~300 kB minified; the default 500 kB warning is just noise here.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.EMULATOR_URL ?? 'http://127.0.0.1:8080' },
  },
});
