/**
 * One finished function call as the host reports it. Node-free (types only) so the console's
 * InvocationRecord (console-api/types.ts, also compiled for the browser) derives from it.
 */
import type { LogLevel } from '../logging/log-level';

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
