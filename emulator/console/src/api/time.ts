/**
 * The emulator's clock and timer triggers (`/api/clock`, `/api/triggers`): the answers as the
 * console reads them (the server side is emulator/src/clock and emulator/src/triggers).
 */
import type { TriggerInfo } from '../../../src/triggers/trigger-info';
import { request } from './client';
import { formatTime } from './format';

export type { TriggerInfo };

export interface ClockState {
  /** Emulated now, ms since the epoch. */
  now: number;
  offsetMs: number;
}

export interface TriggersResponse {
  automatic: boolean;
  now: number;
  triggers: TriggerInfo[];
}

const seg = encodeURIComponent;

export const timeApi = {
  clock: () => request<ClockState>('GET', 'clock'),
  advance: (advanceMs: number) => request<ClockState>('PUT', 'clock', { advanceMs }),
  reset: () => request<ClockState>('PUT', 'clock', { offsetMs: 0 }),
  triggers: () => request<TriggersResponse>('GET', 'triggers'),
  runTrigger: (fn: string, trigger: string) =>
    request<unknown>('POST', `triggers/${seg(fn)}/${seg(trigger)}/run`),
};

/** The time as CloudBase's triggers read it: Beijing time (UTC+8), whatever the browser's zone. */
export function beijingTime(ms: number): string {
  return formatTime(ms);
}

/** `+8 天 2 小时`, `-30 分钟`: how far the emulated clock is from real time. */
export function offsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  let rest = Math.round(Math.abs(offsetMs) / 60_000);
  const parts: string[] = [];
  for (const [size, unit] of [
    [1440, '天'],
    [60, '小时'],
    [1, '分钟'],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${unit}`);
  }
  return parts.length === 0 ? `${sign}不到 1 分钟` : `${sign}${parts.join(' ')}`;
}
