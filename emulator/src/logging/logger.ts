/**
 * The emulator's log. The CLI prints it; tests usually keep it silent (or set
 * WX_EMULATOR_LOG=1 to see it). Function output is tagged with function name and request id,
 * like a line in the SCF log console.
 */
import type { LogLevel } from './log-level';

export type { LogLevel };

export interface Logger {
  log(level: LogLevel, message: string): void;
  /** One line a function printed (console.* or raw stdout/stderr). */
  functionOutput(
    functionName: string,
    requestId: string | undefined,
    level: LogLevel,
    text: string,
  ): void;
}

function timestamp(): string {
  return new Date().toISOString().slice(11, 23);
}

/** Writes to the given stream (stdout by default); errors and warnings go to stderr. */
export function createConsoleLogger(): Logger {
  const write = (level: LogLevel, line: string): void => {
    const stream = level === 'info' ? process.stdout : process.stderr;
    stream.write(`${timestamp()} ${line}\n`);
  };
  return {
    log: (level, message) => write(level, message),
    functionOutput: (functionName, requestId, level, text) => {
      const tag = `[${functionName} ${requestId ?? '-'}]`;
      for (const line of text.split('\n')) write(level, `${tag} ${line}`);
    },
  };
}

export const silentLogger: Logger = {
  log: () => undefined,
  functionOutput: () => undefined,
};

/** Resolves the `logger` option of startEmulator. */
export function resolveLogger(option: Logger | 'console' | 'silent' | undefined): Logger {
  if (option === 'console') return createConsoleLogger();
  if (option === 'silent') return silentLogger;
  if (option) return option;
  return process.env.WX_EMULATOR_LOG ? createConsoleLogger() : silentLogger;
}
