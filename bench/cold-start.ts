// coldStart: median module-load time of each built function over fresh processes, against a
// function that only requires wx-server-sdk. Runs are interleaved (round-robin over targets) so
// a noisy moment on the shared machine hits every target alike, and a first warm-up round that
// fills the OS file cache is thrown away.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { median, msSince, round } from './lib/stats';
import { PLAIN_SDK_DIR, ROOT } from './lib/paths';

const run = promisify(execFile);
const LOADER = path.join(ROOT, 'bench/fixtures/load-module.js');

// What a real SCF instance has in its environment at load time, in case a bundle reads it early.
const INSTANCE_ENV = {
  TENCENTCLOUD_RUNENV: 'SCF',
  SCF_NAMESPACE: 'bench',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  TENCENTCLOUD_SECRETID: 'bench',
  TENCENTCLOUD_SECRETKEY: 'bench',
};

export interface ColdStartResult {
  functionMs: Record<string, number>;
  plainSdkMs: number;
  ratio: number;
  runs: number;
  /** Median wall time of the whole process (start, load, exit), for context. */
  processMs: Record<string, number>;
}

/** One fresh process: the require time it reports, and its whole wall time seen from here. */
async function loadOnce(entry: string): Promise<{ requireMs: number; processMs: number }> {
  const start = process.hrtime.bigint();
  const { stdout } = await run(process.execPath, [LOADER, entry], {
    env: { PATH: process.env.PATH ?? '', ...INSTANCE_ENV },
    timeout: 30_000,
  });
  const processMs = msSince(start);
  return { requireMs: (JSON.parse(stdout) as { ms: number }).ms, processMs };
}

export async function measureColdStart(
  functionDirs: Record<string, string>,
  runs = 12,
): Promise<ColdStartResult> {
  const targets: Record<string, string> = { ...functionDirs, plainSdk: PLAIN_SDK_DIR };
  const samples: Record<string, number[]> = {};
  const processSamples: Record<string, number[]> = {};
  for (const name of Object.keys(targets)) {
    samples[name] = [];
    processSamples[name] = [];
  }

  for (let round_ = 0; round_ <= runs; round_ += 1) {
    for (const [name, dir] of Object.entries(targets)) {
      const { requireMs, processMs } = await loadOnce(path.join(dir, 'index.js'));
      if (round_ === 0) continue; // round 0 only warms the file cache
      samples[name]?.push(requireMs);
      processSamples[name]?.push(processMs);
    }
  }

  const functionMs: Record<string, number> = {};
  for (const name of Object.keys(functionDirs)) {
    functionMs[name] = round(median(samples[name] ?? []));
  }
  const processMs: Record<string, number> = {};
  for (const name of Object.keys(targets))
    processMs[name] = round(median(processSamples[name] ?? []));
  const plainSdkMs = round(median(samples.plainSdk ?? []));
  const slowest = Math.max(...Object.values(functionMs));
  return { functionMs, plainSdkMs, ratio: round(slowest / plainSdkMs), runs, processMs };
}
