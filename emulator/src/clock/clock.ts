/**
 * The emulator's clock: real time plus an offset the developer can move. Everything the
 * emulator *times for the app* reads it: functions' Date, db.serverDate(), temporary URLs,
 * trigger schedules. Safety limits (function timeouts, the transaction abort, request
 * deadlines) stay on real time and never read this clock.
 *
 * It can also be frozen at an exact millisecond (`freeze`): a test that needs a function to
 * read one precise time (a token at exactly its expiry) cannot get it from a running clock,
 * because the function reads Date.now() an unknown number of milliseconds after the test set it.
 */
import { EventEmitter } from 'node:events';

export interface ClockState {
  /** Emulated now, ms since the epoch. */
  now: number;
  offsetMs: number;
  /** Set while frozen: the clock reads exactly this until unfrozen. */
  frozenAtMs?: number;
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
  private frozenAt: number | undefined;

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

  /** The millisecond the clock is frozen at, or undefined while it runs. */
  get frozenAtMs(): number | undefined {
    return this.frozenAt;
  }

  now(): number {
    return this.frozenAt ?? this.realNow() + this.offset;
  }

  state(): ClockState {
    const state: ClockState = { now: this.now(), offsetMs: this.offset };
    if (this.frozenAt !== undefined) state.frozenAtMs = this.frozenAt;
    return state;
  }

  /** Runs the clock again at real time + `offsetMs` (unfreezes it). */
  setOffset(offsetMs: unknown): ClockState {
    this.offset = checkMs('offsetMs', offsetMs, -MAX_OFFSET_MS, MAX_OFFSET_MS);
    this.frozenAt = undefined;
    return this.changed();
  }

  /** Moves time forward only: tests and the console say "+1 天", never "-1 天". A frozen clock
   * moves and stays frozen. */
  advance(advanceMs: unknown): ClockState {
    const ms = checkMs('advanceMs', advanceMs, 0, MAX_OFFSET_MS);
    if (this.frozenAt !== undefined) return this.freeze(this.frozenAt + ms);
    return this.setOffset(this.offset + ms);
  }

  /** Stops the clock at `atMs` (within MAX_OFFSET_MS of real time) until setOffset or unfreeze. */
  freeze(atMs: unknown): ClockState {
    const real = this.realNow();
    const at = checkMs('atMs', atMs, real - MAX_OFFSET_MS, real + MAX_OFFSET_MS);
    this.frozenAt = at;
    this.offset = at - real;
    return this.changed();
  }

  /** Runs the clock again from where it stopped. */
  unfreeze(): ClockState {
    if (this.frozenAt === undefined) return this.state();
    return this.setOffset(this.frozenAt - this.realNow());
  }

  private changed(): ClockState {
    const state = this.state();
    this.emit('change', state);
    return state;
  }
}
