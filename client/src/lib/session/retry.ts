import { isCloudCallError, isTransient } from '../cloud-error';
import type { RetryPolicy } from './types';

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 300, maxDelayMs: 3000 };

export interface RetryTools {
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** Exponential backoff with "equal jitter": half fixed, half random, capped. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * Runs `task` up to policy.attempts times while it fails with a transient (network) error.
 * Only for calls that are safe to repeat: a lost reply may mean the first attempt did run.
 */
export async function withRetry<T>(
  task: () => Promise<T>,
  policy: RetryPolicy,
  tools: RetryTools,
): Promise<T> {
  const attempts = Math.max(1, Math.floor(policy.attempts));
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await task();
    } catch (error) {
      const last = attempt + 1 >= attempts;
      if (last || !isCloudCallError(error) || !isTransient(error.code)) throw error;
      await tools.sleep(backoffDelay(policy, attempt, tools.random));
    }
  }
}
