/** Messages between the function host and an instance process (runner.ts), over Node IPC. */
import type { LogLevel } from '../logging/logger';

/** Passed as argv[2] (JSON) so nothing emulator-internal shows up in the function's env. */
export interface RunnerArgs {
  file: string;
  exportName: string;
  /** The emulator clock's offset when the instance starts (clock/date-shim.ts). */
  clockOffsetMs?: number;
  /** Set while the emulator clock is frozen: the exact time every Date read returns. */
  clockFrozenAtMs?: number;
  /** `http://host:port` of the emulator: requests there reuse one connection (emulator-agent.ts). */
  emulatorOrigin?: string;
  /** The function's folder: bare requires resolve only inside it (module-isolation.ts). */
  functionDir?: string;
  /** A module found only above the folder: `refuse` (as the cloud) or `warn` and load it. */
  parentModules?: 'refuse' | 'warn';
}

/** The SCF context object's data fields, as the SCF Node runtime passes them to main. */
export interface ScfContext {
  request_id: string;
  function_name: string;
  function_version: string;
  namespace: string;
  memory_limit_in_mb: number;
  time_limit_in_ms: number;
  /** `KEY=value;KEY=value` of the invocation's context variables (older runtimes). */
  environ: string;
  /** The same as a JSON string (newer runtimes). */
  environment: string;
  tencentcloud_region: string;
  tencentcloud_appid: string;
  tencentcloud_uin: string;
}

export interface InvokeMessage {
  type: 'invoke';
  requestId: string;
  event: unknown;
  context: ScfContext;
  /** Set on top of the instance's base environment for this invocation only. */
  env: Record<string, string>;
  /** The emulator clock's offset now: a warm instance follows a clock moved since its start. */
  clockOffsetMs?: number;
  /** Set while the emulator clock is frozen (EmulatorClock.freeze). */
  clockFrozenAtMs?: number;
}

export type RunnerMessage =
  | { type: 'ready' }
  | { type: 'log'; requestId?: string; level: LogLevel; text: string }
  | { type: 'result'; requestId: string; ok: true; json: string }
  | { type: 'result'; requestId: string; ok: false; errMsg: string; fatal?: boolean };

/** Largest result SCF returns (`body size is too long` beyond). */
export const MAX_RESULT_BYTES = 6 * 1024 * 1024;
