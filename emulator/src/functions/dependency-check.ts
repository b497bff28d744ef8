/**
 * At start, one line per function whose package.json dependencies are not installed in its
 * folder. Nothing is installed for the user: a DevTools project usually lets the cloud install
 * them (installDependency), so the line says what to run locally.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FunctionConfig } from '../config/cloudbaserc';

function dependenciesOf(dir: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, unknown>;
    };
    return Object.keys(manifest.dependencies ?? {});
  } catch {
    return [];
  }
}

/** The dependencies of a function that its folder's node_modules lacks. */
export function missingDependencies(fn: FunctionConfig): string[] {
  return dependenciesOf(fn.dir).filter(
    (name) => !existsSync(path.join(fn.dir, 'node_modules', name, 'package.json')),
  );
}

/** One line per function with missing dependencies (empty when all are installed). */
export function dependencyWarnings(functions: FunctionConfig[]): string[] {
  const lines: string[] = [];
  for (const fn of functions) {
    const missing = missingDependencies(fn);
    if (missing.length === 0) continue;
    const cloud =
      fn.raw.installDependency === true ? ' (the cloud installs them: installDependency)' : '';
    lines.push(
      `function "${fn.name}": dependencies not installed: ${missing.join(', ')}${cloud}; ` +
        `to run it here: cd ${fn.dir} && npm install`,
    );
  }
  return lines;
}
