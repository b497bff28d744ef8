/**
 * This repository's cloudbaserc.json as the emulator (and `tcb fn deploy`) reads it, so tests
 * take the function list, triggers and configuration values from the one place that holds them.
 */
import path from 'node:path';
import { loadProject, type FunctionConfig } from '../../emulator/src/config/cloudbaserc';

export const repoRoot = path.resolve(__dirname, '../..');

const project = loadProject(repoRoot, 'test');

/** The functions listed in cloudbaserc.json, in file order, functionDefaultConfig merged in. */
export const rcFunctions: FunctionConfig[] = [...project.listed.values()];

export const rcFunctionNames: string[] = rcFunctions.map((fn) => fn.name);

/** functionDefaultConfig.envVariables: what every function runs with unless it overrides. */
export const rcEnvVariables: Record<string, string> = {
  ...(project.defaults.envVariables as Record<string, string>),
};
