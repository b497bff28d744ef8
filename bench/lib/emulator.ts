// Placeholder until emulator/src/index.ts (startEmulator) lands; replaced by the real adapter.
import type { DbOpsDeps } from '../db-ops';
import type { DbScalingDeps } from '../db-scaling';
import type { RoundTripDeps } from '../round-trips';

export interface BenchEmulator {
  url: string;
  roundTripDeps(): Promise<RoundTripDeps>;
  dbOpsDeps(): DbOpsDeps;
  dbScalingDeps(): DbScalingDeps;
  stop(): Promise<void>;
}

export async function startBenchEmulator(): Promise<BenchEmulator> {
  throw new Error('emulator/src/index.ts (startEmulator) has not landed yet');
}
