/**
 * Reads a CloudBase project's cloudbaserc.json the way `tcb fn deploy` does: `functionRoot`
 * (default `functions`), `functions[]` with `functionDefaultConfig` merged into each entry,
 * `envId` with `{{env.X}}` placeholders. A folder under the function root that holds the
 * handler file counts as a function too, with the default configuration.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import merge from 'lodash/merge';
import { EmulatorStartError } from './errors';
import { locateProject, readJsonObject, type ProjectLayout } from './project-layout';

export interface FunctionConfig {
  name: string;
  /** Absolute folder of the function (the deployable unit). */
  dir: string;
  /** `index.main`: file `index.js`, export `main`. */
  handler: string;
  timeoutSeconds: number;
  memorySize: number;
  runtime: string;
  envVariables: Record<string, string>;
  /** The merged entry as written in cloudbaserc.json (for the console). */
  raw: Record<string, unknown>;
}

export interface ProjectConfig {
  dir: string;
  /** Which file described the project (project-layout.ts). */
  layout: ProjectLayout;
  /** The project's own name (project.config.json `projectname`, else its folder's name). */
  name: string;
  envId: string;
  functionRoot: string;
  /** Entries of `functions[]`, merged with `functionDefaultConfig`. */
  listed: Map<string, FunctionConfig>;
  defaults: Record<string, unknown>;
}

/**
 * Production's defaults for a function whose settings live in the cloud console (every DevTools
 * project) or that the entry leaves out: SCF's 3 s and 256 MB, and the runtime the emulator
 * treats as current.
 */
const DEFAULT_TIMEOUT_SECONDS = 3;
const DEFAULT_MEMORY_MB = 256;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{{env.X}}` -> process.env.X (empty when unset), as the CloudBase CLI resolves it. */
export function resolveEnvPlaceholders(text: string, env: NodeJS.ProcessEnv = process.env): string {
  return text.replace(
    /\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g,
    (_, key: string) => env[key] ?? '',
  );
}

/**
 * An entry with the defaults under it, exactly as @cloudbase/cli's getCloudBaseConfig does it:
 * `lodash.merge({}, functionDefaultConfig, entry)`. Deep: an entry's `envVariables` adds to the
 * defaults' instead of replacing them; arrays merge index by index; `null` overrides, a missing
 * key does not. test/emulator/host/config-merge.test.ts compares this with the CLI's own code.
 */
export function mergeFunctionEntry(defaults: JsonObject, entry: JsonObject): JsonObject {
  return merge({}, defaults, entry) as JsonObject;
}

function toStringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined && v !== null) out[key] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}

function positiveNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function toFunctionConfig(
  name: string,
  functionRoot: string,
  merged: JsonObject,
): FunctionConfig {
  return {
    name,
    dir: path.join(functionRoot, name),
    handler: typeof merged.handler === 'string' ? merged.handler : 'index.main',
    timeoutSeconds: positiveNumber(merged.timeout, DEFAULT_TIMEOUT_SECONDS),
    memorySize: positiveNumber(merged.memorySize, DEFAULT_MEMORY_MB),
    runtime: typeof merged.runtime === 'string' ? merged.runtime : 'Nodejs18.15',
    envVariables: toStringRecord(merged.envVariables),
    raw: merged,
  };
}

export function loadProject(projectDir: string, envIdOverride?: string): ProjectConfig {
  const located = locateProject(projectDir);
  const { dir, functionRoot, layout } = located;
  const name = located.name ?? path.basename(dir);
  if (layout !== 'cloudbaserc') {
    // DevTools keeps the environment id in the mini program's code (wx.cloud.init), not here.
    return {
      dir,
      layout,
      name,
      envId: envIdOverride || 'local',
      functionRoot,
      listed: new Map(),
      defaults: {},
    };
  }
  const file = path.join(dir, 'cloudbaserc.json');
  const rc = readJsonObject(file);
  const defaults = isObject(rc.functionDefaultConfig) ? rc.functionDefaultConfig : {};
  const listed = new Map<string, FunctionConfig>();
  const entries = Array.isArray(rc.functions) ? rc.functions : [];
  for (const entry of entries) {
    if (!isObject(entry) || typeof entry.name !== 'string' || entry.name === '') {
      throw new EmulatorStartError(
        `${file}: every entry of "functions" needs a "name": fix the file and start again`,
      );
    }
    listed.set(
      entry.name,
      toFunctionConfig(entry.name, functionRoot, mergeFunctionEntry(defaults, entry)),
    );
  }
  const rcEnvId = typeof rc.envId === 'string' ? resolveEnvPlaceholders(rc.envId).trim() : '';
  return {
    dir,
    layout,
    name,
    envId: envIdOverride || rcEnvId || 'local',
    functionRoot,
    listed,
    defaults,
  };
}

/** Handler `index.main` -> absolute `index.js` path and export name `main`. */
export function handlerLocation(fn: FunctionConfig): { file: string; exportName: string } {
  const dot = fn.handler.lastIndexOf('.');
  const fileBase = dot > 0 ? fn.handler.slice(0, dot) : 'index';
  const exportName = dot > 0 ? fn.handler.slice(dot + 1) : fn.handler;
  return { file: path.join(fn.dir, `${fileBase}.js`), exportName };
}

/** A function by name: listed in cloudbaserc.json, or a folder with an index.js. */
export function findFunction(project: ProjectConfig, name: string): FunctionConfig | undefined {
  // Names are folder names: refuse anything that could leave the function root.
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return undefined;
  const listed = project.listed.get(name);
  if (listed) return listed;
  const fn = toFunctionConfig(name, project.functionRoot, mergeFunctionEntry(project.defaults, {}));
  return existsSync(handlerLocation(fn).file) ? fn : undefined;
}

/** Every function: the listed ones plus folders with an index.js under the function root. */
export function listFunctions(project: ProjectConfig): FunctionConfig[] {
  const all = new Map(project.listed);
  let folders: string[] = [];
  try {
    folders = readdirSync(project.functionRoot).filter((entry) =>
      statSync(path.join(project.functionRoot, entry)).isDirectory(),
    );
  } catch {
    // No function root yet (nothing built): only the listed functions exist.
  }
  for (const folder of folders) {
    if (all.has(folder)) continue;
    const fn = findFunction(project, folder);
    if (fn) all.set(folder, fn);
  }
  return [...all.values()].sort((a, b) => a.name.localeCompare(b.name));
}
