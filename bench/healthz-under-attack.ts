// Two figures that tests used to check with a stopwatch (issue 22 item 7), measured here where
// machine load is expected and reported instead of failing a test:
// - how long /healthz takes to answer while hostile regex queries run (issue 10): each of 20
//   rounds sends 4 catastrophic-backtracking queries over a 40-character input and one /healthz
//   request at the same time; median and worst;
// - the latency fault injection adds (`setFaults({ latencyMs: 30 })`): the median time of a
//   faulted call, which must not be below the configured latency.
import { openDatabase } from '../emulator/src/database';
import { startEmulator } from '../emulator/src/index';
import { requestJson } from '../emulator/src/http/json-client';

const ROUNDS = 20;
export const INJECTED_LATENCY_MS = 30;

export interface BoundedWorkFigures {
  healthzMedianMs: number;
  healthzWorstMs: number;
  faultLatencyMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const since = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

async function healthzUnderAttack(): Promise<number[]> {
  const emu = await startEmulator({ inMemory: true });
  try {
    await emu.database.handle({ action: 'database.addCollection', collectionName: 'v' });
    await emu.database.handle({
      action: 'database.insertDocument',
      collectionName: 'v',
      data: [JSON.stringify({ name: 'a'.repeat(40) + '!' })],
    });
    const query = (pattern: string) =>
      requestJson(emu.adminUrl, {
        json: {
          action: 'database.getDocument',
          collectionName: 'v',
          queryType: 'WHERE',
          query: JSON.stringify({ name: { $regex: pattern } }),
        },
      });
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = process.hrtime.bigint();
      const hostile = Promise.all(['^(a+)+$', '^(a|aa)+$', '(a|a)*$', '^(\\w+\\s?)*$'].map(query));
      await requestJson(`${emu.url}/healthz`, { method: 'GET' });
      times.push(since(started));
      await hostile;
    }
    return times;
  } finally {
    await emu.stop();
  }
}

async function faultLatency(): Promise<number[]> {
  const db = openDatabase({ inMemory: true });
  try {
    db.setFaults({ faultRate: 1, latencyMs: INJECTED_LATENCY_MS });
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = process.hrtime.bigint();
      await db.handle({ action: 'database.addCollection', collectionName: 'x' });
      times.push(since(started));
    }
    return times;
  } finally {
    db.close();
  }
}

export async function measureBoundedWork(): Promise<BoundedWorkFigures> {
  const healthz = await healthzUnderAttack();
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    healthzMedianMs: round(median(healthz)),
    healthzWorstMs: round(Math.max(...healthz)),
    faultLatencyMs: round(median(await faultLatency())),
  };
}
