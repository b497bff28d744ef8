// `node scripts/warm-runtimes.mjs`: downloads (once) the exact Node.js builds that this
// repository's cloudbaserc.json and the test fixtures name, into the shared runtime cache
// (WX_EMULATOR_RUNTIME_CACHE, default the per-user cache, e.g. ~/.cache/wx-cloud-emulator). CI runs it after the build
// so the download is one visible step, and every suite after it starts from a warm cache.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { warmRuntimes, runtimeCacheDir } = createRequire(import.meta.url)(
  path.join(root, 'emulator/dist/index.js'),
);

export function projectsWithRuntimes() {
  const fixtures = path.join(root, 'test/fixtures');
  const dirs = readdirSync(fixtures).map((name) => path.join(fixtures, name));
  return [root, ...dirs.filter((dir) => existsSync(path.join(dir, 'cloudbaserc.json')))];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const binaries = await warmRuntimes(projectsWithRuntimes(), runtimeCacheDir(), (line) =>
    console.log(line),
  );
  for (const binary of binaries)
    console.log(`${binary.runtime}: node ${binary.version} at ${binary.execPath}`);
}
