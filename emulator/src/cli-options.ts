/**
 * The command line of `wx-cloud-emulator`, parsed into startEmulator's options. Its own module
 * (cli.ts runs the command when loaded), so tests can check the parsing without starting one.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { USAGE } from './cli-help';
import { MAX_OFFSET_MS } from './clock/clock';
import { EmulatorStartError } from './config/errors';
import { IMPORT_MODES, type ImportMode } from './database';
import { MAX_LATENCY_MS } from './database/faults';
import type { RuntimeNodeMode, StartEmulatorOptions } from './index';

function numberOption(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < min || parsed > max) {
    throw new EmulatorStartError(
      `--${name} must be a number from ${min} to ${max} (got "${value}")`,
    );
  }
  return parsed;
}

function wholeNumberOption(name: string, value: string | undefined, min: number, max: number) {
  const parsed = numberOption(name, value, min, max);
  if (parsed !== undefined && !Number.isInteger(parsed)) {
    throw new EmulatorStartError(`--${name} must be a whole number (got "${value}")`);
  }
  return parsed;
}

/** `--seed <dir>` (any folder) and how it meets existing data; see docs/emulator-seed-and-pushes.md. */
function seedOptions(dir: string | undefined, mode: string | undefined) {
  if (mode !== undefined && !(IMPORT_MODES as readonly string[]).includes(mode))
    throw new EmulatorStartError(`--seed-mode must be ${IMPORT_MODES.join(', ')} (got "${mode}")`);
  if (mode !== undefined && dir === undefined)
    throw new EmulatorStartError('--seed-mode needs --seed <dir>');
  return dir === undefined ? {} : { seedDir: path.resolve(dir), seedMode: mode as ImportMode };
}

function runtimeNodeOption(value: string | undefined): RuntimeNodeMode | undefined {
  if (value === undefined || value === 'exact' || value === 'local') return value;
  throw new EmulatorStartError(`--runtime-node must be exact or local (got "${value}")`);
}

/** `--node Nodejs18.15=/opt/node18/bin/node`, repeatable. */
function nodePathOptions(values: string[]): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0 || eq === value.length - 1) {
      throw new EmulatorStartError(
        `--node must be <runtime>=<path to node>, e.g. --node Nodejs18.15=/usr/local/bin/node (got "${value}")`,
      );
    }
    paths[value.slice(0, eq)] = path.resolve(value.slice(eq + 1));
  }
  return paths;
}

/** `--help` anywhere: print the help instead of starting (checked before anything else). */
export function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

export function parseCliOptions(argv: string[]): StartEmulatorOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'in-memory': { type: 'boolean' },
        project: { type: 'string' },
        'env-id': { type: 'string' },
        import: { type: 'string' },
        seed: { type: 'string' },
        'seed-mode': { type: 'string' },
        'export-on-exit': { type: 'string' },
        'db-latency-ms': { type: 'string' },
        'db-fault-rate': { type: 'string' },
        'idle-timeout-ms': { type: 'string' },
        'max-instances': { type: 'string' },
        rules: { type: 'string' },
        'rules-doc-id': { type: 'string' },
        'runtime-node': { type: 'string' },
        node: { type: 'string', multiple: true },
        'clock-offset-ms': { type: 'string' },
        'no-triggers': { type: 'boolean' },
        'parent-modules': { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        'access-token': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new EmulatorStartError(`${(error as Error).message}\n${USAGE}`);
  }
  const project = path.resolve(values.project ?? process.cwd());
  const inMemory = values['in-memory'] === true;
  if (inMemory && values['data-dir'] !== undefined) {
    throw new EmulatorStartError('--in-memory and --data-dir exclude each other: pass only one');
  }
  return {
    port: numberOption('port', values.port ?? '9100', 0, 65535),
    host: values.host ?? '127.0.0.1',
    project,
    inMemory,
    dataDir: inMemory
      ? undefined
      : path.resolve(values['data-dir'] ?? path.join(project, '.cloudbase', 'emulator')),
    envId: values['env-id'],
    importDir: values.import,
    ...seedOptions(values.seed, values['seed-mode']),
    exportOnExitDir: values['export-on-exit'],
    dbLatencyMs: numberOption('db-latency-ms', values['db-latency-ms'], 0, MAX_LATENCY_MS),
    dbFaultRate: numberOption('db-fault-rate', values['db-fault-rate'], 0, 1),
    idleTimeoutMs: numberOption('idle-timeout-ms', values['idle-timeout-ms'], 1, 86_400_000),
    maxInstancesPerFunction: wholeNumberOption('max-instances', values['max-instances'], 1, 1000),
    rulesDir: values.rules === undefined ? undefined : path.resolve(values.rules),
    rulesDocId: values['rules-doc-id'] as StartEmulatorOptions['rulesDocId'],
    runtimeNode: runtimeNodeOption(values['runtime-node']),
    nodePaths: nodePathOptions(values.node ?? []),
    clockOffsetMs: wholeNumberOption(
      'clock-offset-ms',
      values['clock-offset-ms'],
      -MAX_OFFSET_MS,
      MAX_OFFSET_MS,
    ),
    triggers: values['no-triggers'] !== true,
    parentModules: parentModulesOption(values['parent-modules']),
    allowedHosts: values['allowed-host'] ?? [],
    accessToken: accessTokenOption(values['access-token']),
    logger: 'console',
  };
}

/** Users run their project as it will be uploaded: a parent node_modules is refused by default. */
function parentModulesOption(value: string | undefined): 'refuse' | 'warn' {
  if (value === undefined || value === 'refuse' || value === 'warn') return value ?? 'refuse';
  throw new EmulatorStartError(`--parent-modules must be refuse or warn (got "${value}")`);
}

function accessTokenOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9._~-]{16,}$/.test(value)) {
    throw new EmulatorStartError(
      '--access-token must be at least 16 characters of letters, digits, . _ ~ - (or leave it out: one is made up)',
    );
  }
  return value;
}
