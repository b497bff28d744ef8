/** Events other modules (console, statistics) subscribe to. */
import { EventEmitter } from 'node:events';
import type { LogLevel } from '../logging/logger';

export interface InvocationLogLine {
  time: number;
  level: LogLevel;
  text: string;
}

/** One finished function call. (A type alias, so it also fits `Record<string, unknown>`.) */
export type InvocationEvent = {
  requestId: string;
  functionName: string;
  openid: string;
  startedAt: number;
  durationMs: number;
  ok: boolean;
  errCode?: number;
  errMsg?: string;
  /** The event main received (the request's `data` plus `userInfo`). */
  event: unknown;
  result?: unknown;
  logs: InvocationLogLine[];
  /** process.version of the Node that ran the call (`v18.15.0` for Nodejs18.15). */
  node?: string;
};

export interface EmulatorEventMap {
  invocation: [InvocationEvent];
}

export class EmulatorEvents extends EventEmitter<EmulatorEventMap> {}
