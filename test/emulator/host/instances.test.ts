/** Instances as SCF keeps them: warm reuse, one process per concurrent call, idle reaping. */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { buildEmulator, fixtureProject, isAlive, waitFor } from './support';

let emu: RunningEmulator;
/**
 * Calls held at once by the barrier. Six proves what twenty did (one process per concurrent
 * call, no identity crossing between them, warm reuse after) for 14 fewer cold starts of a
 * Node 18 process in npm test; the reliability load suite drives larger fan-outs.
 */
const FAN_OUT = 6;

beforeAll(async () => {
  buildEmulator();
  // The concurrency test's fan-out, whatever the machine-based default is on this box.
  emu = await startEmulator({
    project: fixtureProject,
    idleTimeoutMs: 60_000,
    maxInstancesPerFunction: FAN_OUT,
  });
});

afterAll(async () => {
  await emu?.stop();
});

interface Counted {
  count: number;
  pid: number;
}

test('a warm instance is reused: same process, module state kept', async () => {
  const first = await emu.callFunction('counter', {}, { openid: 'o-warm' });
  const second = await emu.callFunction('counter', {}, { openid: 'o-warm-2' });
  const a = first.result as Counted;
  const b = second.result as Counted;
  expect(b.pid).toBe(a.pid);
  expect(b.count).toBe(a.count + 1);
  expect(emu.functions.instanceCount('counter')).toBe(1);
});

/**
 * A loopback barrier: each call waits on it until all `parties` have arrived, so every call is
 * running at the same moment (no race against a timer). Past `boundMs` it lets everyone go:
 * the test then fails on its counts instead of hanging.
 */
async function barrier(parties: number, boundMs: number) {
  const waiting: ServerResponse[] = [];
  let arrived = 0;
  const release = () => waiting.splice(0).forEach((res) => res.end('go'));
  const server = createServer((_req, res) => {
    arrived += 1;
    waiting.push(res);
    if (arrived >= parties) release();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(release, boundMs);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    arrived: () => arrived,
    close: () => {
      clearTimeout(timer);
      release();
      server.close();
    },
  };
}

test(`${FAN_OUT} concurrent calls run on ${FAN_OUT} separate instances, each seeing only its own OPENID`, async () => {
  const openids = Array.from({ length: FAN_OUT }, (_, i) => `o-concurrent-${i}`);
  // Released before whoami's 90 s timeout: a shortfall fails on the counts below, not as 504s.
  const gate = await barrier(openids.length, 75_000);
  const replies = await Promise.all(
    openids.map((openid) => emu.callFunction('whoami', { barrier: gate.url }, { openid })),
  ).finally(gate.close);
  expect(gate.arrived()).toBe(FAN_OUT);
  const pids = new Set<number>();
  replies.forEach((reply, i) => {
    expect(reply.status).toBe(200);
    const seen = reply.result as { before: string; after: string; pid: number };
    expect(seen.before).toBe(openids[i]);
    expect(seen.after).toBe(openids[i]);
    pids.add(seen.pid);
  });
  expect(pids.size).toBe(FAN_OUT);
  expect(emu.functions.instanceCount('whoami')).toBe(FAN_OUT);

  // Warm again: a second wave reuses those processes instead of starting new ones.
  const again = await Promise.all(
    openids.map((openid) => emu.callFunction('whoami', {}, { openid })),
  );
  for (const reply of again) expect(pids.has((reply.result as { pid: number }).pid)).toBe(true);
  // Cold starts at once on a shared 2-core machine (not a speed check: bench has those).
}, 150_000);

test('identity does not outlive its call: a later call without a unionid sees none', async () => {
  const withUnion = await emu.callFunction('echo', {}, { openid: 'o-a', unionid: 'u-a' });
  expect((withUnion.result as { wxContext: Record<string, unknown> }).wxContext.UNIONID).toBe(
    'u-a',
  );
  const without = await emu.callFunction('echo', {}, { openid: 'o-b' });
  const { wxContext, env } = without.result as {
    wxContext: Record<string, unknown>;
    env: Record<string, unknown>;
  };
  expect(wxContext.OPENID).toBe('o-b');
  expect(wxContext).not.toHaveProperty('UNIONID');
  expect(env.WX_UNIONID).toBeUndefined();
});

test('idle instances are reaped after idleTimeoutMs and the next call starts a new one', async () => {
  const short = await startEmulator({ project: fixtureProject, idleTimeoutMs: 500 });
  try {
    const first = await short.callFunction('counter', {}, { openid: 'o-reap' });
    const firstPid = (first.result as Counted).pid;
    expect(short.functions.instanceCount('counter')).toBe(1);
    expect(await waitFor(() => short.functions.instanceCount('counter') === 0, 5000)).toBe(true);
    expect(await waitFor(() => !isAlive(firstPid), 5000)).toBe(true);
    const second = await short.callFunction('counter', {}, { openid: 'o-reap' });
    expect((second.result as Counted).pid).not.toBe(firstPid);
    expect((second.result as Counted).count).toBe(1);
  } finally {
    await short.stop();
  }
});

test('stop() kills every instance process', async () => {
  const other = await startEmulator({ project: fixtureProject });
  const reply = await other.callFunction('counter', {}, { openid: 'o-stop' });
  const pid = (reply.result as Counted).pid;
  expect(isAlive(pid)).toBe(true);
  await other.stop();
  expect(isAlive(pid)).toBe(false);
});

test('past maxInstancesPerFunction calls queue for a free instance instead of failing', async () => {
  const capped = await startEmulator({ project: fixtureProject, maxInstancesPerFunction: 2 });
  try {
    let peak = 0;
    const watcher = setInterval(
      () => (peak = Math.max(peak, capped.functions.instanceCount('whoami'))),
      5,
    );
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        capped.callFunction('whoami', { ms: 50 }, { openid: `o-q-${i}` }),
      ),
    );
    clearInterval(watcher);
    replies.forEach((reply, i) => {
      expect(reply.status).toBe(200);
      expect((reply.result as { after: string }).after).toBe(`o-q-${i}`);
    });
    expect(
      new Set(replies.map((reply) => (reply.result as { pid: number }).pid)).size,
    ).toBeLessThanOrEqual(2);
    expect(peak).toBeLessThanOrEqual(2);
  } finally {
    await capped.stop();
  }
});
