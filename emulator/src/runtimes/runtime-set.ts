/**
 * Which Node binary runs each runtime: a `--node <runtime>=<path>` the user gave, else the
 * exact release from the cache (downloaded from the npm registry once), or, with
 * `--runtime-node local`, the Node running the emulator. Every binary is found (and
 * downloaded) before the emulator listens, so a missing one stops the start with one line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { FunctionConfig } from '../config/cloudbaserc';
import { EmulatorStartError } from '../config/errors';
import { ensureCachedNode } from './cache';
import { progressReporter } from './progress';
import { nodePackageFor } from './platform';
import { nodeVersionOf } from './versions';

export type RuntimeNodeMode = 'exact' | 'local';

export interface RuntimeOptions {
  mode: RuntimeNodeMode;
  /** Runtime name -> a Node binary to use for it (`--node Nodejs18.15=/opt/node18/bin/node`). */
  paths: Record<string, string>;
  cacheDir: string;
  /** npm runs here, so the project's .npmrc (registry, auth) applies. */
  projectDir: string;
  /** Download progress and warnings, one line each. */
  report(level: 'info' | 'warn', line: string): void;
}

export interface NodeBinary {
  runtime: string;
  /** `v18.15.0`: what process.version says inside the function. */
  version: string;
  execPath: string;
  source: 'cache' | 'path' | 'local';
}

function versionOfBinary(file: string): string {
  return execFileSync(file, ['-p', 'process.version'], {
    encoding: 'utf8',
    timeout: 15_000,
  }).trim();
}

export class RuntimeSet {
  private readonly binaries = new Map<string, Promise<NodeBinary>>();

  constructor(private readonly options: RuntimeOptions) {
    for (const runtime of Object.keys(options.paths)) {
      const lookup = nodeVersionOf(runtime);
      if (!lookup.ok && !lookup.retired)
        throw new EmulatorStartError(`--node ${runtime}=...: ${lookup.reason}`);
    }
  }

  /** Finds every binary the functions need; the first problem stops the start (one line). */
  async prepare(functions: FunctionConfig[]): Promise<NodeBinary[]> {
    for (const fn of functions) {
      const lookup = nodeVersionOf(fn.runtime);
      if (lookup.ok) continue;
      if (!lookup.retired) {
        throw new EmulatorStartError(
          `function "${fn.name}": ${lookup.reason} (fix "runtime" in cloudbaserc.json)`,
        );
      }
      if (this.options.mode !== 'local' && this.options.paths[fn.runtime] === undefined) {
        throw new EmulatorStartError(
          `function "${fn.name}": ${lookup.reason}: to run it anyway, ${this.ways(fn.runtime)}`,
        );
      }
      this.options.report(
        'warn',
        `function "${fn.name}": ${lookup.reason}; running it on ${this.options.paths[fn.runtime] ?? `this Node (${process.version})`}`,
      );
    }
    const found = new Map<string, NodeBinary>();
    for (const fn of functions) {
      try {
        found.set(fn.runtime, await this.binaryFor(fn.runtime));
      } catch (error) {
        throw new EmulatorStartError(`function "${fn.name}": ${(error as Error).message}`);
      }
    }
    return [...found.values()];
  }

  /** The Node for a runtime (memoized; a failed lookup is retried on the next call). */
  binaryFor(runtime: string): Promise<NodeBinary> {
    const known = this.binaries.get(runtime);
    if (known) return known;
    const found = this.find(runtime);
    this.binaries.set(runtime, found);
    found.catch(() => this.binaries.delete(runtime));
    return found;
  }

  private async find(runtime: string): Promise<NodeBinary> {
    const lookup = nodeVersionOf(runtime);
    if (!lookup.ok && !lookup.retired) throw new Error(lookup.reason);
    const wanted = `v${lookup.version}`;
    const given = this.options.paths[runtime];
    if (given !== undefined) return this.fromPath(runtime, wanted, given);
    if (this.options.mode === 'local') {
      return { runtime, version: process.version, execPath: process.execPath, source: 'local' };
    }
    if (!lookup.ok) throw new Error(`${lookup.reason}: ${this.ways(runtime)}`);
    const pkg = nodePackageFor();
    if (!pkg) {
      throw new Error(
        `no Node.js build is published for ${process.platform}-${process.arch}: ${this.ways(runtime)}`,
      );
    }
    const spec = `${pkg.name}@${lookup.version}`;
    try {
      const execPath = await ensureCachedNode(
        this.options.cacheDir,
        pkg,
        lookup.version,
        this.options.projectDir,
        progressReporter(spec, runtime, this.options.cacheDir, (line) =>
          this.options.report('info', line),
        ),
      );
      return { runtime, version: wanted, execPath, source: 'cache' };
    } catch (error) {
      throw new Error(
        `cannot get Node.js ${lookup.version} for ${runtime} (${spec} from the npm registry): ` +
          `${(error as Error).message}. Check the network and \`npm config get registry\`, or ${this.ways(runtime)}`,
      );
    }
  }

  private fromPath(runtime: string, wanted: string, file: string): NodeBinary {
    if (!existsSync(file)) throw new Error(`--node ${runtime}=${file}: no such file`);
    let version: string;
    try {
      version = versionOfBinary(file);
    } catch (error) {
      throw new Error(
        `--node ${runtime}=${file} does not run: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    // A different patch (or any other build) is the user's choice; say so once.
    if (version !== wanted) {
      this.options.report(
        'warn',
        `--node ${runtime}=${file} is Node ${version}, not ${wanted} as in the cloud`,
      );
    }
    return { runtime, version, execPath: file, source: 'path' };
  }

  private ways(runtime: string): string {
    return (
      `pass --node ${runtime}=<path to node>, or --runtime-node local to run every function ` +
      `on this Node (${process.version})`
    );
  }
}
