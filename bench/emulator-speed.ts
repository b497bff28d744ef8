// emulator: p50 latency of login and checkSession through POST /functions/<name> with warm
// instances, against the bare baseline server, measured interleaved in the same run so both
// see the same machine load. callsPerSec and loginCallsPerSec: throughput with a few clients in
// flight; commitsPerSync: how many of those logins' writes shared each disk sync.
import { startBaselineServer } from './baseline-server';
import { postJson, throughput } from './lib/http-timing';
import { median, msSince, percentile, round } from './lib/stats';

export interface FunctionsEndpoint {
  /** Base URL of the emulator, e.g. http://127.0.0.1:PORT */
  url: string;
  /** Base URL of a second emulator serving bench/fixtures/overhead-project (noop, addOne). */
  overheadUrl?: string;
  /** The main emulator's disk syncs and the commits they covered so far (group commit). */
  diskStats?: () => { syncs: number; commits: number };
}

export interface EmulatorSpeedResult {
  loginP50Ms: number;
  loginP90Ms: number;
  checkSessionP50Ms: number;
  checkSessionP90Ms: number;
  baselineP50Ms: number;
  ratio: number;
  callsPerSec: number;
  /** login throughput with the same clients in flight (returning users under the cap). */
  loginCallsPerSec: number;
  /** Commits per disk sync during that login run: how many writes shared each fsync. */
  commitsPerSync: number;
  /** The same baseline without waiting for the disk on each commit (synchronous=NORMAL). */
  baselineNoSyncP50Ms: number;
  ratioNoSync: number;
  /** A function that does nothing: the emulator's own cost per call (HTTP, host, instance). */
  noopP50Ms: number;
  /** A function doing one add() through the SDK: the emulator's counterpart of the baseline. */
  addOneP50Ms: number;
  ratioAddOne: number;
  /** A function doing two sequential add()s: the floor for a login (read, then write). */
  twoRoundsP50Ms: number;
  /** login p50 minus twoRoundsP50Ms: what login spends beyond its two unavoidable rounds. */
  loginExcessMs: number;
  /** twoRoundsP50Ms / baselineP50Ms: where `ratio` would stand if login cost only its rounds. */
  floorRatio: number;
  /** loginP50Ms / twoRoundsP50Ms, both from this run (the target: <= 1.15). */
  loginToTwoRounds: number;
  samples: number;
  users: number;
  throughputConcurrency: number;
}

interface Envelope {
  ok: boolean;
  data?: { token?: string };
  error?: { code: string };
}

async function callFunction(
  base: string,
  name: string,
  data: unknown,
  openid: string,
): Promise<Envelope> {
  const reply = await postJson(`${base}/functions/${name}`, { data }, { 'x-wx-openid': openid });
  if (reply.status !== 200)
    throw new Error(`${name}: HTTP ${reply.status} ${reply.body.slice(0, 200)}`);
  const { result } = JSON.parse(reply.body) as { result: Envelope };
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return msSince(start);
}

export async function measureEmulatorSpeed(
  endpoint: FunctionsEndpoint,
  samples = 200,
  users = 50,
  throughputConcurrency = 4,
): Promise<EmulatorSpeedResult> {
  const base = endpoint.url.replace(/\/$/, '');
  const baseline = await startBaselineServer('FULL');
  const noSync = await startBaselineServer('NORMAL');
  try {
    // Returning users (the common case): each one's first login happens during warm-up, and
    // the measured logins stay under the per-user session cap so none pays for revoking one.
    const openids = Array.from({ length: users }, (_, i) => `bench-speed-${i}`);
    const tokens: string[] = [];
    for (const openid of openids) {
      const login = await callFunction(base, 'login', {}, openid);
      tokens.push(login.data?.token ?? '');
    }
    const check = (i: number) =>
      callFunction(
        base,
        'checkSession',
        { token: tokens[i % users] },
        openids[i % users] as string,
      );
    for (let i = 0; i < 20; i += 1) {
      await check(i);
      await postJson(baseline.url, { data: { i } });
    }

    const login: number[] = [];
    const checkSession: number[] = [];
    const bare: number[] = [];
    const bareNoSync: number[] = [];
    const noop: number[] = [];
    const addOne: number[] = [];
    const twoRounds: number[] = [];
    const { overheadUrl } = endpoint;
    const noopCall = () => callFunction(overheadUrl ?? '', 'noop', {}, 'bench-noop');
    const addOneCall = (n: number) => callFunction(overheadUrl ?? '', 'addOne', { n }, 'bench-add');
    const twoRoundsCall = (n: number) =>
      callFunction(overheadUrl ?? '', 'twoRounds', { n }, 'bench-two');
    for (let i = 0; overheadUrl && i < 20; i += 1)
      await Promise.all([noopCall(), addOneCall(i), twoRoundsCall(i)]);
    for (let i = 0; i < samples; i += 1) {
      login.push(await timed(() => callFunction(base, 'login', {}, openids[i % users] as string)));
      checkSession.push(await timed(() => check(i)));
      bare.push(await timed(() => postJson(baseline.url, { data: { i } })));
      bareNoSync.push(await timed(() => postJson(noSync.url, { data: { i } })));
      if (overheadUrl) noop.push(await timed(noopCall));
      if (overheadUrl) addOne.push(await timed(() => addOneCall(i)));
      if (overheadUrl) twoRounds.push(await timed(() => twoRoundsCall(i)));
    }

    let n = 0;
    const callsPerSec = await throughput(samples * 2, throughputConcurrency, () => check((n += 1)));
    // Returning users again: after warm-up, the samples and this run each user holds fewer
    // sessions than the cap (10), so no login here pays for revoking one.
    const diskBefore = endpoint.diskStats?.();
    let m = 0;
    const loginCallsPerSec = await throughput(samples, throughputConcurrency, () =>
      callFunction(base, 'login', {}, openids[(m += 1) % users] as string),
    );
    const diskAfter = endpoint.diskStats?.();
    const syncs = (diskAfter?.syncs ?? 0) - (diskBefore?.syncs ?? 0);
    const commits = (diskAfter?.commits ?? 0) - (diskBefore?.commits ?? 0);
    const loginP50Ms = median(login);
    const baselineP50Ms = median(bare);
    const baselineNoSyncP50Ms = median(bareNoSync);
    const twoRoundsP50Ms = median(twoRounds);
    return {
      loginP50Ms: round(loginP50Ms),
      loginP90Ms: round(percentile(login, 90)),
      checkSessionP50Ms: round(median(checkSession)),
      checkSessionP90Ms: round(percentile(checkSession, 90)),
      baselineP50Ms: round(baselineP50Ms, 3),
      ratio: round(loginP50Ms / baselineP50Ms, 1),
      callsPerSec: round(callsPerSec, 0),
      loginCallsPerSec: round(loginCallsPerSec, 0),
      commitsPerSync: syncs > 0 ? round(commits / syncs) : Number.NaN,
      baselineNoSyncP50Ms: round(baselineNoSyncP50Ms, 3),
      ratioNoSync: round(loginP50Ms / baselineNoSyncP50Ms, 1),
      noopP50Ms: round(median(noop)),
      addOneP50Ms: round(median(addOne)),
      ratioAddOne: round(median(addOne) / baselineP50Ms, 1),
      twoRoundsP50Ms: round(twoRoundsP50Ms),
      loginExcessMs: round(loginP50Ms - twoRoundsP50Ms),
      floorRatio: round(twoRoundsP50Ms / baselineP50Ms, 1),
      loginToTwoRounds: round(loginP50Ms / twoRoundsP50Ms),
      samples,
      users,
      throughputConcurrency,
    };
  } finally {
    await baseline.stop();
    await noSync.stop();
  }
}
