/** What every route module gets: the emulator's parts, built once by startEmulator. */
import type { EmulatorClock } from '../clock/clock';
import type { ProjectConfig } from '../config/cloudbaserc';
import type { TriggerScheduler } from '../triggers/scheduler';
import type { EmulatorEvents } from '../functions/events';
import type { FunctionHost } from '../functions/host';
import type { Logger } from '../logging/logger';
import type { ClientRules } from '../rules/service';
import type { Route } from '../http/route-types';
import type { EmulatorDatabase } from './database-port';

export interface EmulatorContext {
  readonly database: EmulatorDatabase;
  readonly functions: FunctionHost;
  readonly events: EmulatorEvents;
  readonly project: ProjectConfig;
  readonly logger: Logger;
  /** Security rules and the client database (`POST /client/database`). */
  readonly rules: ClientRules;
  /** Emulated time (real time plus an offset): what the app sees; safety limits use real time. */
  readonly clock: EmulatorClock;
  /** Timer triggers of cloudbaserc.json, fired on the emulated clock. */
  readonly triggers: TriggerScheduler;
  /** Folder of persistent data (database, uploaded files); undefined when running in memory. */
  readonly dataDir: string | undefined;
  /** Built console files (emulator/dist/console). */
  readonly consoleDir: string;
  /** Base URL once listening, e.g. `http://127.0.0.1:9100`. */
  url(): string;
  /** Takes this machine's folders out of text that goes into an HTTP answer. */
  withoutPaths(text: string): string;
  /** Cleanup run by stop(), before instances stop and the database closes. */
  onStop(cleanup: () => void | Promise<void>): void;
}

/** A capability's routes, built from the context (each capability's index.ts exports one). */
export type RouteModule = (ctx: EmulatorContext) => Route[];
