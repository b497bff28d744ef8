// Bundles every cloud function with esbuild into cloudfunctions/<name>/index.js, from the
// server package's handler of that name (server/src/handlers.ts, defined in
// server/src/functions/<name>.ts): one CommonJS file (node18, `exports.main`) that contains
// wx-server-sdk too, next to a package.json without dependencies. The folder is exactly what
// `tcb fn deploy <name>` or WeChat DevTools "upload and deploy" takes (installDependency:
// false). Why bundle the SDK: docs/functions.md (measured: smaller upload, faster cold start).
// Examples (server/src/examples/<name>.ts) are built the same way into dist/examples/<name>.
// The function list, the triggers and the configuration values come from cloudbaserc.json only.
import * as esbuild from 'esbuild';
import merge from 'lodash/merge.js';
import { mkdir, readdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyModules } from '../../server/build/lazy-modules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const functionsSource = path.join(root, 'server/src/functions');
export const examplesSource = path.join(root, 'server/src/examples');
export const functionsOut = path.join(root, 'cloudfunctions');
export const examplesOut = path.join(root, 'dist/examples');
/** The server package's handlers (server/src/handlers.ts, what its entry re-exports). */
const packageHandlers = './server/src/handlers';

/**
 * cloudbaserc.json's functions, each merged with functionDefaultConfig exactly as
 * `tcb fn deploy` does (lodash merge, as in emulator/src/config/cloudbaserc.ts).
 */
async function readFunctionList() {
  const rc = JSON.parse(await readFile(path.join(root, 'cloudbaserc.json'), 'utf8'));
  const defaults = rc.functionDefaultConfig ?? {};
  return {
    defaults,
    functions: (rc.functions ?? []).map((entry) => merge({}, defaults, entry)),
  };
}

async function entries(dir) {
  const files = await readdir(dir).catch(() => []);
  return files
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ name: f.slice(0, -3), file: path.join(dir, f) }));
}

/**
 * Temp file + rename: an emulator starting an instance never reads a half-written bundle. An
 * unchanged bundle is not rewritten but its time is set to now: the bundle then says "built
 * from the sources as they are now", which is what test/functions/support/build.ts compares
 * (left old, every suite would rebuild all functions again, serially, under its lock).
 */
async function writeIfChanged(file, contents) {
  const current = await readFile(file).catch(() => undefined);
  if (current && Buffer.compare(current, Buffer.from(contents)) === 0) {
    const now = new Date();
    await utimes(file, now, now);
    return;
  }
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

/**
 * Bundles one function into `outDir/index.js`; returns the bundle size in bytes. `envVariables`
 * (the function's merged cloudbaserc.json values) are built in as the fallback of
 * server/src/config.ts, so a function uploaded from WeChat DevTools, which ignores
 * cloudbaserc.json, runs with the same values as one deployed by `tcb fn deploy`.
 */
export async function bundleFunction(entry, outDir, envVariables = {}) {
  await mkdir(outDir, { recursive: true });
  const fromPackage = typeof entry === 'object';
  const result = await esbuild.build({
    // A product function is built from the server package's handler of that name (the
    // package's entry re-exports them), in ESM form so the other handlers are left out: each
    // definition is marked `/* @__PURE__ */` (esbuild's `pure` option does not reach imported
    // names). Not from the entry itself: its check of the environment at load would make a
    // misconfigured bundle fail to load instead of answering INTERNAL with the cause logged.
    ...(fromPackage
      ? {
          stdin: {
            contents: `export { ${entry.handler} as main } from '${packageHandlers}';`,
            resolveDir: root,
            sourcefile: `${entry.handler}.js`,
          },
        }
      : { entryPoints: [entry] }),
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    write: false,
    logLevel: 'error',
    define: { __CLOUDBASERC_ENV__: JSON.stringify(envVariables) },
    plugins: [lazyModules()],
  });
  const [bundle] = result.outputFiles;
  await writeIfChanged(bundle.path, bundle.contents);
  await writeIfChanged(path.join(outDir, 'package.json'), packageJson(path.basename(outDir)));
  return bundle.contents.byteLength;
}

/** The names server/src/handlers.ts exports (`export { main as <name> } from ...`). */
async function packageHandlerNames() {
  const text = await readFile(path.join(root, 'server/src/handlers.ts'), 'utf8');
  return new Set([...text.matchAll(/export \{ main as (\w+) \}/g)].map((match) => match[1]));
}

/** The function's config.json: its triggers and permissions from cloudbaserc.json, if any. */
export function devtoolsConfig(fn) {
  const config = {};
  if (Array.isArray(fn.triggers) && fn.triggers.length > 0) config.triggers = fn.triggers;
  if (fn.permissions && typeof fn.permissions === 'object') config.permissions = fn.permissions;
  return Object.keys(config).length > 0 ? config : undefined;
}

export async function build() {
  const { defaults, functions } = await readFunctionList();
  const sources = new Map((await entries(functionsSource)).map((e) => [e.name, e.file]));
  for (const name of sources.keys()) {
    if (!functions.some((fn) => fn.name === name)) {
      throw new Error(
        `server/src/functions/${name}.ts is not listed in cloudbaserc.json functions`,
      );
    }
  }
  const builtIn = await packageHandlerNames();
  const jobs = [
    ...functions.map((fn) => {
      const file = sources.get(fn.name);
      if (!file)
        throw new Error(`cloudbaserc.json lists ${fn.name}: no server/src/functions/${fn.name}.ts`);
      // A built-in function comes from the package's handler; an app's own function added
      // under server/src/functions (docs/functions.md) is bundled from its file.
      const entry = builtIn.has(fn.name) ? { handler: fn.name } : file;
      return { file: entry, outDir: path.join(functionsOut, fn.name), config: fn };
    }),
    ...(await entries(examplesSource)).map((e) => ({
      file: e.file,
      outDir: path.join(examplesOut, e.name),
      config: merge({}, defaults),
    })),
  ];
  // Sequential: the machine may have two cores shared with tests; esbuild is fast anyway.
  for (const job of jobs) {
    await bundleFunction(job.file, job.outDir, job.config.envVariables);
    // config.json in the function folder: WeChat DevTools reads timer triggers from it, and the
    // platform reads cloud-call permissions (`permissions.openapi`) from it; the folder is what
    // `tcb fn deploy` uploads, so the file ships with the code.
    const folderConfig = devtoolsConfig(job.config);
    if (folderConfig) {
      await writeIfChanged(
        path.join(job.outDir, 'config.json'),
        `${JSON.stringify(folderConfig, null, 2)}\n`,
      );
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
