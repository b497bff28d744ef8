/** Events other modules (console, statistics) subscribe to. */
import { EventEmitter } from 'node:events';
import type { InvocationEvent } from './invocation-event';

export type { InvocationEvent, InvocationLogLine } from './invocation-event';

/** A TCP connection the emulator's HTTP server accepted (to see clients reuse theirs). */
export interface ConnectionEvent {
  remoteAddress?: string;
  remotePort?: number;
}

export interface EmulatorEventMap {
  invocation: [InvocationEvent];
  connection: [ConnectionEvent];
}

export class EmulatorEvents extends EventEmitter<EmulatorEventMap> {}
