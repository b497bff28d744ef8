/**
 * A DevTools function's own `config.json` (`permissions.openapi`, `triggers`): what WeChat
 * DevTools uploads with the function (上传触发器 creates its triggers). A broken file stops the
 * start with one line naming it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FunctionConfig } from './cloudbaserc';
import { readJsonObject } from './project-layout';

export interface DeclaredTriggers {
  /** The triggers as written (not yet checked). */
  triggers: unknown;
  /** Where they were written, for messages: `cloudbaserc.json` or `<fn>/config.json`. */
  source: string;
}

/**
 * A function's triggers: its cloudbaserc.json entry's when it has `triggers` (the CLI deploys
 * those), else its config.json's (DevTools uploads those); undefined when neither declares any.
 */
export function declaredTriggers(fn: FunctionConfig): DeclaredTriggers | undefined {
  if (fn.raw.triggers !== undefined)
    return { triggers: fn.raw.triggers, source: 'cloudbaserc.json' };
  const file = path.join(fn.dir, 'config.json');
  if (!existsSync(file)) return undefined;
  const config = readJsonObject(file);
  if (config.triggers === undefined) return undefined;
  return { triggers: config.triggers, source: `${fn.name}/config.json` };
}
