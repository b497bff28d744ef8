import { startHarness, type ConsoleHarness } from './support';

interface Faults {
  latencyMs: number;
  faultRate: number;
}
interface Stats {
  calls: number;
  faultsInjected: number;
  byAction: Record<string, number>;
  byInvocation: Record<
    string,
    { functionName?: string; calls: number; byAction: Record<string, number> }
  >;
}

const countUsers = {
  action: 'database.calculateDocument',
  collectionName: 'users',
  queryType: 'WHERE',
};

describe('console API: fault injection and statistics', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.emu.stop();
  });
  afterEach(async () => {
    await h.api('PUT', '/api/faults', { latencyMs: 0, faultRate: 0 });
  });

  test('faults are off at start and switch on and off at runtime', async () => {
    expect((await h.api<Faults>('GET', '/api/faults')).body).toEqual({
      latencyMs: 0,
      faultRate: 0,
    });
    await h.api('POST', '/api/collections', { name: 'users' });

    const on = await h.api<Faults>('PUT', '/api/faults', { faultRate: 1 });
    expect(on.body).toEqual({ latencyMs: 0, faultRate: 1 });
    const failed = await h.admin(countUsers);
    expect(failed.code).toBe('SYS_ERR');
    // A function's database calls fail too: login answers its INTERNAL envelope.
    const login = await h.emu.callFunction('login', {}, { openid: 'o-fault-1' });
    expect(login.result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    await h.api('PUT', '/api/faults', { faultRate: 0 });
    expect((await h.admin(countUsers)).data).toEqual({ total: 0 });
    const again = await h.emu.callFunction('login', {}, { openid: 'o-fault-1' });
    expect(again.result).toMatchObject({ ok: true });
  });

  test('a fault rate in between fails some calls and not others', async () => {
    await h.api('PUT', '/api/faults', { faultRate: 0.5 });
    const codes: unknown[] = [];
    for (let i = 0; i < 60; i++) codes.push((await h.admin(countUsers)).code);
    const failures = codes.filter((code) => code === 'SYS_ERR').length;
    // Binomial(60, 0.5): outside 10..50 has probability < 1e-7.
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(50);
  });

  // The delay itself is checked without a stopwatch in test/emulator/database/faults.test.ts.
  test('latency is stored and reported until switched off', async () => {
    expect((await h.api<Faults>('PUT', '/api/faults', { latencyMs: 200 })).body).toEqual({
      latencyMs: 200,
      faultRate: 0,
    });
    expect(h.emu.database.getFaults().latencyMs).toBe(200);
    await h.api('PUT', '/api/faults', { latencyMs: 0 });
    expect(h.emu.database.getFaults().latencyMs).toBe(0);
  });

  test('invalid fault settings are refused and change nothing', async () => {
    for (const body of [{ faultRate: 1.5 }, { faultRate: 'x' }, { latencyMs: -1 }, [1]]) {
      const reply = await h.api<{ code: string }>('PUT', '/api/faults', body);
      expect(reply.status).toBe(400);
    }
    expect((await h.api<Faults>('GET', '/api/faults')).body).toEqual({
      latencyMs: 0,
      faultRate: 0,
    });
  });

  test('statistics count database calls per action and per function invocation', async () => {
    expect((await h.api('DELETE', '/api/stats')).status).toBe(200);
    expect((await h.api<Stats>('GET', '/api/stats')).body).toEqual({
      calls: 0,
      faultsInjected: 0,
      byAction: {},
      byInvocation: {},
      disk: { syncs: 0, commits: 0 },
    });

    const login = await h.emu.callFunction('login', {}, { openid: 'o-stats-1' });
    expect(login.ok).toBe(true);
    const stats = (await h.api<Stats>('GET', '/api/stats')).body;
    const invocation = stats.byInvocation[login.requestID ?? ''];
    expect(invocation).toBeDefined();
    expect(invocation?.functionName).toBe('login');
    expect(invocation?.calls).toBeGreaterThan(0);
    expect(stats.calls).toBe(invocation?.calls);
    const perAction = Object.values(stats.byAction).reduce((a, b) => a + b, 0);
    expect(perAction).toBe(stats.calls);

    await h.api('DELETE', '/api/stats');
    expect((await h.api<Stats>('GET', '/api/stats')).body.calls).toBe(0);
  });
});
