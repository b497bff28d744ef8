import { invalidParam } from './errors';

/** Injected trouble, to see how an application copes with a slow or failing database. */
export interface FaultConfig {
  /** Added to every request before it is answered. */
  latencyMs: number;
  /** Fraction (0..1) of requests answered SYS_ERR instead of being executed. */
  faultRate: number;
}

export const NO_FAULTS: FaultConfig = { latencyMs: 0, faultRate: 0 };

export function checkFaults(next: Partial<FaultConfig>, current: FaultConfig): FaultConfig {
  const merged = { ...current, ...next };
  if (!Number.isFinite(merged.latencyMs) || merged.latencyMs < 0 || merged.latencyMs > 60_000) {
    throw invalidParam('latencyMs must be between 0 and 60000');
  }
  if (!Number.isFinite(merged.faultRate) || merged.faultRate < 0 || merged.faultRate > 1) {
    throw invalidParam('faultRate must be between 0 and 1');
  }
  return merged;
}

/** Waits the configured latency; true when this request should fail. */
export async function applyFaults(
  config: FaultConfig,
  random: () => number = Math.random,
): Promise<boolean> {
  if (config.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
  return config.faultRate > 0 && random() < config.faultRate;
}
