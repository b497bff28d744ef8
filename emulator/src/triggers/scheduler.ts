/**
 * Fires timer triggers on the emulator's clock. Each trigger keeps its next due time; a real
 * timer wakes at the soonest one, and every clock move re-checks at once. A trigger whose due
 * time has passed fires once, for the latest due time not after now, even when a jump passed
 * several (SCF does not replay missed runs either; a developer jumping 8 days wants one run).
 */
import type { EmulatorClock } from '../clock/clock';
import type { CallOutcome, FunctionHost } from '../functions/host';
import type { Logger } from '../logging/logger';
import type { TimerTrigger } from './config';
import type { TriggerInfo } from './trigger-info';

export type { TriggerInfo };

/** The timer wakes at least this often, so a changed system clock cannot stall a trigger. */
const MAX_SLEEP_MS = 60_000;

/** The event a timer trigger passes to main, `Time` in ISO UTC without milliseconds. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
  Message: string;
}

export function timerEvent(trigger: string, time: number): TimerEvent {
  const iso = new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { Type: 'Timer', TriggerName: trigger, Time: iso, Message: '' };
}

interface Entry {
  trigger: TimerTrigger;
  nextDue: number | undefined;
  lastRunAt: number | undefined;
}

export interface TriggerSchedulerOptions {
  triggers: TimerTrigger[];
  clock: EmulatorClock;
  functions: Pick<FunctionHost, 'invoke'>;
  logger: Logger;
  /** false (`--no-triggers`): nothing fires by itself; run() still does. */
  automatic: boolean;
}

export class TriggerScheduler {
  private readonly entries: Entry[];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly onClockChange = (): void => this.tick();

  constructor(private readonly options: TriggerSchedulerOptions) {
    const now = options.clock.now();
    this.entries = options.triggers.map((trigger) => ({
      trigger,
      nextDue: trigger.schedule.nextAfter(now),
      lastRunAt: undefined,
    }));
    if (options.automatic && this.entries.length > 0) {
      options.clock.on('change', this.onClockChange);
      this.arm();
    }
  }

  get automatic(): boolean {
    return this.options.automatic;
  }

  list(): TriggerInfo[] {
    const now = this.options.clock.now();
    return this.entries.map(({ trigger, lastRunAt }) => ({
      functionName: trigger.functionName,
      name: trigger.name,
      type: 'timer',
      config: trigger.config,
      nextRunAt: trigger.schedule.nextAfter(now) ?? null,
      lastRunAt: lastRunAt ?? null,
    }));
  }

  /**
   * Fires a trigger now (the console's 立即运行): the event's Time is the emulated now.
   * Resolves with the call's outcome; undefined when no such trigger exists.
   */
  run(
    functionName: string,
    triggerName: string,
    time = this.options.clock.now(),
  ): Promise<CallOutcome> | undefined {
    const entry = this.entries.find(
      (e) => e.trigger.functionName === functionName && e.trigger.name === triggerName,
    );
    return entry ? this.fire(entry, time) : undefined;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.options.clock.off('change', this.onClockChange);
  }

  private tick(): void {
    if (this.stopped) return;
    const now = this.options.clock.now();
    for (const entry of this.entries) {
      if (entry.nextDue !== undefined && entry.nextDue <= now) {
        const due = entry.trigger.schedule.latestAtOrBefore(now) ?? entry.nextDue;
        // Asynchronous, as in production: the result goes to the invocation log only.
        void this.fire(entry, due);
      }
      // Also right after the clock went back: the next run is computed from the new now.
      entry.nextDue = entry.trigger.schedule.nextAfter(now);
    }
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    const dues = this.entries.flatMap((e) => (e.nextDue === undefined ? [] : [e.nextDue]));
    if (this.stopped || dues.length === 0) return;
    const wait = Math.min(Math.max(Math.min(...dues) - this.options.clock.now(), 1), MAX_SLEEP_MS);
    this.timer = setTimeout(() => this.tick(), wait);
    // The HTTP server keeps the emulator alive; a pending trigger must not keep a test alive.
    this.timer.unref();
  }

  private async fire(entry: Entry, time: number): Promise<CallOutcome> {
    const { trigger } = entry;
    entry.lastRunAt = time;
    const event = timerEvent(trigger.name, time);
    this.options.logger.log(
      'info',
      `trigger ${trigger.functionName}/${trigger.name} fires (Time ${event.Time})`,
    );
    const outcome = await this.options.functions.invoke(
      trigger.functionName,
      event,
      { openid: '', appid: '', clientIp: '', source: 'wx_trigger' },
      { rawEvent: true },
    );
    if (!outcome.ok) {
      this.options.logger.log(
        'warn',
        `trigger ${trigger.functionName}/${trigger.name} failed: ${outcome.errMsg}`,
      );
    }
    return outcome;
  }
}
