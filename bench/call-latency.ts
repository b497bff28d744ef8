/**
 * Latency of one warm function call through POST /functions/<name>: 200 sequential calls of a
 * fixture function that does one `db.collection(..).add()` through the real wx-server-sdk,
 * against a persistent (temp dir) database, as users run the emulator.
 *
 *   npx tsx bench/call-latency.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../emulator/src/index';
import { postJson } from '../emulator/src/http/json-client';

const FIXTURE_PROJECT = path.resolve(__dirname, '../test/fixtures/host-project');
const WARMUP_CALLS = 20;
const MEASURED_CALLS = 200;

export interface CallLatency {
  calls: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export async function measureCallLatency(calls = MEASURED_CALLS): Promise<CallLatency> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-call-latency-'));
  const emu = await startEmulator({ project: FIXTURE_PROJECT, dataDir });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await emu.database.handle({ action: 'database.addCollection', collectionName: 'bench' });
    const url = `${emu.url}/functions/addOne`;
    const headers = { 'x-wx-openid': 'o-bench' };
    const once = async (n: number): Promise<number> => {
      const started = process.hrtime.bigint();
      const reply = await postJson(url, { data: { n } }, headers, agent);
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (reply.status !== 200) throw new Error(`call failed: ${JSON.stringify(reply.body)}`);
      return elapsed;
    };
    for (let i = 0; i < WARMUP_CALLS; i += 1) await once(i);
    const samples: number[] = [];
    for (let i = 0; i < calls; i += 1) samples.push(await once(i));
    samples.sort((a, b) => a - b);
    const round = (ms: number): number => Math.round(ms * 100) / 100;
    return {
      calls,
      p50Ms: round(percentile(samples, 50)),
      p95Ms: round(percentile(samples, 95)),
      meanMs: round(samples.reduce((sum, ms) => sum + ms, 0) / samples.length),
      maxMs: round(samples[samples.length - 1] ?? Number.NaN),
    };
  } finally {
    agent.destroy();
    await emu.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  measureCallLatency().then(
    (result) => {
      console.log(
        `POST /functions/addOne (one db add), ${result.calls} warm calls: ` +
          `p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, mean ${result.meanMs} ms, max ${result.maxMs} ms`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
