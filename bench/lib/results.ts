// The shape of bench/results/latest.json (the keys issue 6 asks for, plus run metadata) and the
// targets each figure is judged against.
export interface DbOpCount {
  reads: number;
  writes: number;
  total: number;
}

export interface BenchResults {
  coldStart: { functionMs: Record<string, number>; plainSdkMs: number; ratio: number } | null;
  bundleBytes: Record<string, number> | null;
  roundTrips: {
    firstLaunch: number;
    warmLaunch: number;
    expiredSession: number;
    revokedSession: number;
  } | null;
  /** The seed articles' hand-written flow, same scenarios (callFunction and wx.login counts). */
  roundTripsHandWritten?: Record<string, { callFunction: number; wxLogin: number }> | null;
  singleFlightHandWritten?: { concurrentCalls: number; loginCalls: number; wxLogin: number } | null;
  singleFlight: { concurrentCalls: number; loginCalls: number; succeeded?: number } | null;
  dbOps: Record<string, DbOpCount> | null;
  emulator: {
    loginP50Ms: number;
    loginP90Ms?: number;
    checkSessionP50Ms: number;
    checkSessionP90Ms?: number;
    baselineP50Ms: number;
    ratio: number;
    callsPerSec: number;
    loginCallsPerSec?: number;
    commitsPerSync?: number;
    baselineNoSyncP50Ms?: number;
    ratioNoSync?: number;
    noopP50Ms?: number;
    addOneP50Ms?: number;
    ratioAddOne?: number;
    twoRoundsP50Ms?: number;
    loginExcessMs?: number;
    floorRatio?: number;
    /** loginP50Ms / twoRoundsP50Ms, both from this run: login against its own floor. */
    loginToTwoRounds?: number;
  } | null;
  /** One IPC round trip between two Node processes, back-to-back and after an idle moment. */
  processHop?: { busyRttMs: number; idleRttMs: number } | null;
  /** Figures tests used to check with a stopwatch (bench/healthz-under-attack.ts). */
  boundedWork?: { healthzMedianMs: number; healthzWorstMs: number; faultLatencyMs: number } | null;
  /** A generated 40-function DevTools project: ready time, first (cold) and warm call. */
  bigProject?: {
    functions: number;
    readyMs: number;
    firstCallMs: number;
    warmCallMs: number;
  } | null;
  dbScaling: {
    getById: Record<'1000' | '100000', number>;
    whereOpenid: Record<'1000' | '100000', number>;
  } | null;
}

export interface TargetCheck {
  name: string;
  value: string;
  target: string;
  met: boolean | null; // null: not measured in this run
}

export interface BenchReport extends BenchResults {
  meta: {
    date: string;
    node: string;
    nproc: number;
    memoryGb: number;
    cpu: string;
    durationSec: number;
  };
  targets: TargetCheck[];
  /** Sections that could not be measured, with the reason. */
  errors: Record<string, string>;
  /** Extra detail per section (samples, definitions) for whoever reads the JSON. */
  details: Record<string, unknown>;
}

/** 1 MB, counted as 10^6 bytes (the stricter reading). */
export const BUNDLE_LIMIT_BYTES = 1_000_000;
