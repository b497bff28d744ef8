import type { InvocationEvent } from '../functions/events';
import type { CollectionInfo, Faults, FunctionInfo, StatsResponse, StorageFileInfo } from './types';

/**
 * What the console API needs from the rest of the emulator. Kept narrow (and results typed as
 * `unknown` where the API only awaits or passes them through) so the API can be tested against
 * the real modules without depending on their every detail.
 */
export interface ConsoleDatabase {
  /** One TCB admin protocol body in, the reply body out (success `{data}` or `{code,message}`). */
  handle(body: Record<string, unknown>): Promise<unknown> | unknown;
  listCollections(): CollectionInfo[] | Promise<CollectionInfo[]>;
  dropCollection(name: string): unknown;
  reset(): unknown;
  exportTo(dir: string): unknown;
  importFrom(dir: string): unknown;
  setFaults(faults: Faults): unknown;
  getFaults(): Faults | Promise<Faults>;
  stats(): StatsResponse | Promise<StatsResponse>;
  resetStats(): unknown;
}

export type { InvocationEvent };

export interface InvocationSource {
  on(event: 'invocation', listener: (invocation: InvocationEvent) => void): unknown;
  off(event: 'invocation', listener: (invocation: InvocationEvent) => void): unknown;
}

export interface ConsoleStorage {
  list(): Promise<StorageFileInfo[]> | StorageFileInfo[];
}

export interface ConsoleDeps {
  database: ConsoleDatabase;
  /** Emits `invocation` after every function call. */
  events: InvocationSource;
  listFunctions(): FunctionInfo[] | Promise<FunctionInfo[]>;
  /** Calls a function as `openid` would from a mini program; rejects when the call fails. */
  callFunction(name: string, data: unknown, options: { openid: string }): Promise<unknown>;
  /** Where `export now` writes when no directory is given, and what relative dirs resolve against. */
  projectDir: string;
  storage?: ConsoleStorage;
  /** Invocations kept for the log (default 500). */
  logSize?: number;
}
