/**
 * The timer triggers of every function: `[{ name, type: 'timer', config }]` in its
 * cloudbaserc.json entry (as `tcb fn deploy` reads them) or, for a DevTools project, in its own
 * config.json (config/function-config-json.ts says which wins). A broken trigger stops the start with
 * one line naming the function and the trigger, before anything else is opened.
 */
import { listFunctions, type ProjectConfig } from '../config/cloudbaserc';
import { declaredTriggers } from '../config/function-config-json';
import { EmulatorStartError } from '../config/errors';
import { CronError, parseTimerCron, type TimerSchedule } from './cron';

export interface TimerTrigger {
  functionName: string;
  name: string;
  /** The cron text as written. */
  config: string;
  schedule: TimerSchedule;
}

function refuseIn(source: string, fn: string, trigger: string, problem: string): never {
  throw new EmulatorStartError(
    `${source}: function "${fn}" trigger "${trigger}": ${problem}: fix the trigger and start again`,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readTimerTriggers(project: ProjectConfig): TimerTrigger[] {
  const triggers: TimerTrigger[] = [];
  for (const fn of listFunctions(project)) {
    const found = declaredTriggers(fn);
    if (found === undefined) continue;
    const declared = found.triggers;
    const refuse: (name: string, label: string, problem: string) => never = (...args) =>
      refuseIn(found.source, ...args);
    if (!Array.isArray(declared)) refuse(fn.name, '(triggers)', '"triggers" must be a list');
    const seen = new Set<string>();
    declared.forEach((entry: unknown, i) => {
      const name = isObject(entry) && typeof entry.name === 'string' ? entry.name : '';
      const label = name || `#${i + 1}`;
      if (!isObject(entry) || name === '') refuse(fn.name, label, 'every trigger needs a "name"');
      if (seen.has(name)) refuse(fn.name, label, 'two triggers have this name');
      seen.add(name);
      if (entry.type !== 'timer') {
        refuse(
          fn.name,
          label,
          `type ${JSON.stringify(entry.type)} is not supported (only "timer")`,
        );
      }
      const config = typeof entry.config === 'string' ? entry.config : '';
      try {
        const schedule = parseTimerCron(config);
        triggers.push({ functionName: fn.name, name, config, schedule });
      } catch (error) {
        if (!(error instanceof CronError)) throw error;
        refuse(fn.name, label, `invalid cron ${JSON.stringify(config)} (${error.message})`);
      }
    });
  }
  return triggers;
}
