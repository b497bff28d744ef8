/** Events other modules (console, statistics) subscribe to. */
import { EventEmitter } from 'node:events';
import type { InvocationEvent } from './invocation-event';

export type { InvocationEvent, InvocationLogLine } from './invocation-event';

export interface EmulatorEventMap {
  invocation: [InvocationEvent];
}

export class EmulatorEvents extends EventEmitter<EmulatorEventMap> {}
