import { availableParallelism } from 'node:os';

/**
 * Instances per function when the caller names none. An instance mostly waits on the emulator's
 * own database (one thread), so a few per core overlap those waits; more only add idle Node
 * processes (about 40 MB each) on a laptop. Four per core, at least four.
 */
export function defaultMaxInstances(cores: number = availableParallelism()): number {
  return Math.max(4, cores * 4);
}
