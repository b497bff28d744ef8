import { invalidParam } from './errors';

/** Injected trouble, to see how an application copes with a slow or failing database. */
export interface FaultConfig {
  /** Added to every targeted request before it is answered. */
  latencyMs: number;
  /** Fraction (0..1) of targeted requests answered SYS_ERR. */
  faultRate: number;
  /** Only requests of this action (e.g. `database.insertDocument`) are targeted; '' = all. */
  action?: string;
  /** Only requests on this collection are targeted; '' = all. */
  collection?: string;
  /**
   * `before` (default): a faulted request is not executed. `after`: it is executed, then
   * answered SYS_ERR — a lost reply, as when the network fails after the write committed.
   */
  when?: 'before' | 'after';
}

export const NO_FAULTS: FaultConfig = { latencyMs: 0, faultRate: 0 };

/** One limit, shared with the CLI's --db-latency-ms check. */
export const MAX_LATENCY_MS = 60_000;

export function checkFaults(next: Partial<FaultConfig>, current: FaultConfig): FaultConfig {
  const merged = { ...current, ...next };
  if (
    !Number.isFinite(merged.latencyMs) ||
    merged.latencyMs < 0 ||
    merged.latencyMs > MAX_LATENCY_MS
  ) {
    throw invalidParam(`latencyMs must be between 0 and ${MAX_LATENCY_MS}`);
  }
  if (!Number.isFinite(merged.faultRate) || merged.faultRate < 0 || merged.faultRate > 1) {
    throw invalidParam('faultRate must be between 0 and 1');
  }
  for (const key of ['action', 'collection'] as const) {
    if (merged[key] !== undefined && typeof merged[key] !== 'string') {
      throw invalidParam(`${key} must be a string`);
    }
  }
  if (merged.when !== undefined && merged.when !== 'before' && merged.when !== 'after') {
    throw invalidParam('when must be "before" or "after"');
  }
  return merged;
}

/** Whether a request (its action and collectionName) is one the faults are aimed at. */
export function isTargeted(config: FaultConfig, action: string, collection: unknown): boolean {
  if (config.action && config.action !== action) return false;
  return !config.collection || config.collection === collection;
}

/** Waits the configured latency; true when this request should fail. */
export async function applyFaults(
  config: FaultConfig,
  random: () => number = Math.random,
): Promise<boolean> {
  if (config.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
  return config.faultRate > 0 && random() < config.faultRate;
}
