import type { LoginResponse } from '../../../contract/src';
import { dataOf, type Caller, type FunctionsHarness } from './harness';

export async function login(fx: FunctionsHarness, caller: Caller): Promise<LoginResponse> {
  return dataOf(await fx.call<LoginResponse>('login', {}, caller));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sum of database calls of one invocation, split into reads and writes. */
export function roundTrips(calls: Record<string, number>): { reads: number; writes: number } {
  let reads = 0;
  let writes = 0;
  for (const [action, n] of Object.entries(calls)) {
    if (action === 'database.getDocument' || action === 'database.calculateDocument') reads += n;
    else writes += n;
  }
  return { reads, writes };
}
