/**
 * Where a project's functions are, for the two layouts real projects have:
 * - a CloudBase CLI project: `cloudbaserc.json` (`functionRoot`, default `functions`);
 * - a WeChat DevTools project: `project.config.json` (`cloudfunctionRoot`, any folder name).
 * `--project` may name the project root or the functions folder itself. When both files are
 * present, cloudbaserc.json wins (what `tcb fn deploy` reads); DevTools' per-function
 * config.json still adds what the entry leaves out (docs/emulator.md).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EmulatorStartError } from './errors';

export type ProjectLayout = 'cloudbaserc' | 'devtools' | 'functions-folder';

export interface LocatedProject {
  /** The project root (data, rules and seed folders are relative to it). */
  dir: string;
  functionRoot: string;
  layout: ProjectLayout;
  /** The file the layout was read from (for messages). */
  configFile?: string;
  /** `projectname` of project.config.json, when there is one (the console shows it). */
  name?: string;
}

type JsonObject = Record<string, unknown>;

export function readJsonObject(file: string): JsonObject {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new EmulatorStartError(`cannot read ${file} (${code}): check its permissions`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('top level is not an object');
    }
    return parsed as JsonObject;
  } catch (error) {
    throw new EmulatorStartError(
      `${file} is not valid JSON (${(error as Error).message}): fix the file and start again`,
    );
  }
}

/** A folder holding at least one function folder (`<name>/index.js` or a DevTools config.json). */
function holdsFunctions(dir: string): boolean {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return false;
  }
  return entries.some((entry) => {
    const folder = path.join(dir, entry);
    try {
      if (!statSync(folder).isDirectory()) return false;
    } catch {
      return false;
    }
    return existsSync(path.join(folder, 'index.js'));
  });
}

/** project.config.json of a DevTools project: its functions folder, or a line saying what is wrong. */
function devtoolsProject(dir: string): LocatedProject {
  const configFile = path.join(dir, 'project.config.json');
  const config = readJsonObject(configFile);
  const root = config.cloudfunctionRoot;
  if (typeof root !== 'string' || root.trim() === '') {
    throw new EmulatorStartError(
      `${configFile} has no "cloudfunctionRoot": this mini program has no cloud functions ` +
        '(add "cloudfunctionRoot": "cloudfunctions/" or pass --project <its functions folder>)',
    );
  }
  const name = typeof config.projectname === 'string' ? config.projectname : undefined;
  return { dir, functionRoot: path.resolve(dir, root), layout: 'devtools', configFile, name };
}

/** The DevTools project above a functions folder, when its cloudfunctionRoot names that folder. */
function enclosingDevtoolsProject(functionsDir: string): LocatedProject | undefined {
  for (let dir = path.dirname(functionsDir); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'project.config.json'))) {
      try {
        const found = devtoolsProject(dir);
        return found.functionRoot === functionsDir ? found : undefined;
      } catch {
        return undefined;
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function locateProject(projectDir: string): LocatedProject {
  const dir = path.resolve(projectDir);
  if (!existsSync(dir)) {
    throw new EmulatorStartError(`--project ${dir} does not exist: pass the project's folder`);
  }
  const rc = path.join(dir, 'cloudbaserc.json');
  if (existsSync(rc)) {
    const config = readJsonObject(rc);
    const root = typeof config.functionRoot === 'string' ? config.functionRoot : 'functions';
    const devtools = existsSync(path.join(dir, 'project.config.json'))
      ? readJsonObject(path.join(dir, 'project.config.json'))
      : undefined;
    const name = typeof devtools?.projectname === 'string' ? devtools.projectname : undefined;
    const functionRoot = path.resolve(dir, root);
    return { dir, functionRoot, layout: 'cloudbaserc', configFile: rc, name };
  }
  if (existsSync(path.join(dir, 'project.config.json'))) return devtoolsProject(dir);
  if (holdsFunctions(dir)) {
    return enclosingDevtoolsProject(dir) ?? { dir, functionRoot: dir, layout: 'functions-folder' };
  }
  throw new EmulatorStartError(
    `no cloudbaserc.json or project.config.json in ${dir}, and no function folders ` +
      '(<name>/index.js) in it: pass --project <mini program project root, or its cloud functions folder>',
  );
}
