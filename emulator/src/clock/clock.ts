/**
 * The emulator's clock: real time plus an offset the developer can move. Everything the
 * emulator *times for the app* reads it: functions' Date, db.serverDate(), temporary URLs,
 * trigger schedules. Safety limits (function timeouts, the transaction abort, request
 * deadlines) stay on real time and never read this clock.
 */
import { EventEmitter } from 'node:events';

export interface ClockState {
  /** Emulated now, ms since the epoch. */
  now: number;
  offsetMs: number;
}

/** ±100 years: far enough for any session lifetime, near enough to stay a valid Date. */
export const MAX_OFFSET_MS = 100 * 365 * 86_400_000;

/** A bad offset or advance: the caller's input, answered as 400 / a start error. */
export class ClockInputError extends RangeError {
  readonly code = 'INVALID_CLOCK';
}

function checkMs(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ClockInputError(
      `${name} must be a whole number of milliseconds from ${min} to ${max} (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}

export class EmulatorClock extends EventEmitter<{ change: [ClockState] }> {
  private offset = 0;

  constructor(
    offsetMs = 0,
    private readonly realNow: () => number = Date.now,
  ) {
    super();
    this.setOffset(offsetMs);
  }

  get offsetMs(): number {
    return this.offset;
  }

  now(): number {
    return this.realNow() + this.offset;
  }

  state(): ClockState {
    return { now: this.now(), offsetMs: this.offset };
  }

  setOffset(offsetMs: unknown): ClockState {
    this.offset = checkMs('offsetMs', offsetMs, -MAX_OFFSET_MS, MAX_OFFSET_MS);
    return this.changed();
  }

  /** Moves time forward only: tests and the console say "+1 天", never "-1 天". */
  advance(advanceMs: unknown): ClockState {
    const ms = checkMs('advanceMs', advanceMs, 0, MAX_OFFSET_MS);
    return this.setOffset(this.offset + ms);
  }

  private changed(): ClockState {
    const state = this.state();
    this.emit('change', state);
    return state;
  }
}
