// Bundles every cloud function (server/src/functions/<name>.ts) with esbuild into
// cloudfunctions/<name>/index.js: one CommonJS file (node18, `exports.main`) that contains
// wx-server-sdk too, next to a package.json without dependencies. The folder is exactly what
// `tcb fn deploy <name>` or WeChat DevTools "upload and deploy" takes (installDependency:
// false). Why bundle the SDK: docs/functions.md (measured: smaller upload, faster cold start).
// Examples (server/src/examples/<name>.ts) are built the same way into dist/examples/<name>.
import * as esbuild from 'esbuild';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyModules } from '../../server/build/lazy-modules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const functionsSource = path.join(root, 'server/src/functions');
export const examplesSource = path.join(root, 'server/src/examples');
export const functionsOut = path.join(root, 'cloudfunctions');
export const examplesOut = path.join(root, 'dist/examples');

/** Extra files a function folder carries for WeChat DevTools (it reads triggers from config.json). */
const DEVTOOLS_CONFIG = {
  cleanupSessions: { triggers: [{ name: 'daily', type: 'timer', config: '0 0 3 * * * *' }] },
};

async function entries(dir) {
  const files = await readdir(dir).catch(() => []);
  return files
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ name: f.slice(0, -3), file: path.join(dir, f) }));
}

/** Temp file + rename: an emulator starting an instance never reads a half-written bundle. */
async function writeIfChanged(file, contents) {
  const current = await readFile(file).catch(() => undefined);
  if (current && Buffer.compare(current, Buffer.from(contents)) === 0) return;
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, contents);
  await rename(temp, file);
}

function packageJson(name) {
  const pkg = {
    name,
    version: '1.0.0',
    private: true,
    description: `wx-cloud-login cloud function ${name} (bundled by npm run build; wx-server-sdk included)`,
    main: 'index.js',
    license: 'MIT',
    dependencies: {},
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Bundles one function into `outDir/index.js`; returns the bundle size in bytes. */
export async function bundleFunction(entry, outDir) {
  await mkdir(outDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    write: false,
    logLevel: 'error',
    plugins: [lazyModules()],
  });
  const [bundle] = result.outputFiles;
  await writeIfChanged(bundle.path, bundle.contents);
  await writeIfChanged(path.join(outDir, 'package.json'), packageJson(path.basename(outDir)));
  return bundle.contents.byteLength;
}

export async function build() {
  const jobs = [
    ...(await entries(functionsSource)).map((e) => ({
      ...e,
      outDir: path.join(functionsOut, e.name),
    })),
    ...(await entries(examplesSource)).map((e) => ({
      ...e,
      outDir: path.join(examplesOut, e.name),
    })),
  ];
  // Sequential: the machine may have two cores shared with tests; esbuild is fast anyway.
  for (const job of jobs) {
    await bundleFunction(job.file, job.outDir);
    const devtools = DEVTOOLS_CONFIG[job.name];
    if (devtools) {
      await writeIfChanged(
        path.join(job.outDir, 'config.json'),
        `${JSON.stringify(devtools, null, 2)}\n`,
      );
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
