/** A timer trigger as /api/triggers lists it. Node-free so the browser console types it too. */
export interface TriggerInfo {
  functionName: string;
  name: string;
  type: 'timer';
  config: string;
  /** Emulated ms of the next run, or null when the cron has no run left. */
  nextRunAt: number | null;
  /** Emulated ms (the event's Time) of the last run, by schedule or by hand. */
  lastRunAt: number | null;
}
