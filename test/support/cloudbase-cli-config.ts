/**
 * The installed @cloudbase/cli's own reader of cloudbaserc.json (`getCloudBaseConfig`, which
 * merges `functionDefaultConfig` into each function), so tests can compare the emulator with
 * the CLI's code rather than with our reading of it. The CLI ships as one webpack bundle whose
 * entry starts the command line; we compile it with the entry call replaced by the bundle's
 * module loader and take the config module from that. Fails loudly if an upgrade changes the
 * bundle so that this no longer finds it.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

type CliConfig = { functions?: Array<Record<string, unknown>> } & Record<string, unknown>;
type GetCloudBaseConfig = (configPath: string) => Promise<CliConfig>;

const bundle = require.resolve('@cloudbase/cli/dist/standalone/cli.js');
const ENTRY_CALL = /__webpack_require__\(__webpack_require__\.s = \d+\)/g;

let cached: GetCloudBaseConfig | undefined;

export function cliGetCloudBaseConfig(): GetCloudBaseConfig {
  if (cached) return cached;
  const source = readFileSync(bundle, 'utf8');
  const entries = source.match(ENTRY_CALL) ?? [];
  if (entries.length !== 1) throw new Error(`@cloudbase/cli bundle: ${entries.length} entry calls`);
  const loaderModule = new Module(bundle);
  loaderModule.filename = bundle;
  loaderModule.paths = (
    Module as unknown as { _nodeModulePaths(dir: string): string[] }
  )._nodeModulePaths(path.dirname(bundle));
  (loaderModule as unknown as { _compile(code: string, file: string): void })._compile(
    source.replace(ENTRY_CALL, '__webpack_require__'),
    bundle,
  );
  const load = loaderModule.exports as (id: number) => Record<string, unknown>;
  // The CLI's config module (several bundled packages define a getCloudBaseConfig; this is the
  // one that merges functionDefaultConfig): the last module header before its merge line,
  // found by text rather than by a numeric id that changes with every CLI release.
  const at = source.indexOf('merge({}, config.functionDefaultConfig, rawConfig)');
  const before = at < 0 ? '' : source.slice(Math.max(0, at - 20_000), at);
  const id = [...before.matchAll(/\n\/\*\*\*\/ (\d+):\n/g)].at(-1)?.[1];
  const fn = id === undefined ? undefined : load(Number(id)).getCloudBaseConfig;
  if (typeof fn !== 'function') throw new Error('@cloudbase/cli bundle: no getCloudBaseConfig');
  cached = fn as GetCloudBaseConfig;
  return cached;
}
