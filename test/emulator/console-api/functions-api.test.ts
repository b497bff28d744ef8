import { startHarness, type ConsoleHarness } from './support';

interface CallReply {
  ok: boolean;
  requestId?: string;
  result?: { ok: boolean; data?: { token?: string }; error?: { code: string } };
  errCode?: number;
  errMsg?: string;
}
interface Invocation {
  seq: number;
  requestId: string;
  functionName: string;
  openid: string;
  ok: boolean;
  errCode?: number;
  event: unknown;
  result?: unknown;
  node?: string;
  logs: unknown[];
}

/** Reads server-sent events from a fetch body until `count` invocation events arrived. */
async function readEvents(body: ReadableStream<Uint8Array>, count: number): Promise<Invocation[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: Invocation[] = [];
  let buffer = '';
  // Bounded: the test's timeout ends it otherwise.
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (block.includes('event: invocation') && data)
        events.push(JSON.parse(data.slice(6)) as Invocation);
    }
  }
  await reader.cancel();
  return events;
}

describe('console API: functions, simulate, invocation log', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.emu.stop();
  });

  test('lists the project functions with their merged configuration', async () => {
    const reply = await h.api<{ functions: { name: string; config: Record<string, unknown> }[] }>(
      'GET',
      '/api/functions',
    );
    const names = reply.body.functions.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['login', 'checkSession', 'updateUserInfo', 'logout']),
    );
    const cleanup = reply.body.functions.find((f) => f.name === 'cleanupSessions');
    expect(cleanup?.config).toMatchObject({ timeout: 60, runtime: 'Nodejs18.15' });
  });

  test('simulated calls run as the chosen OPENID; the log and the stream see them', async () => {
    const stream = await fetch(`${h.emu.url}/api/invocations/stream`);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const streamed = readEvents(stream.body as ReadableStream<Uint8Array>, 2);

    const openid = 'o-console-sim-1';
    const login = await h.api<CallReply>('POST', '/api/functions/login/call', { openid, data: {} });
    expect(login.body.ok).toBe(true);
    const token = login.body.result?.data?.token;
    expect(typeof token).toBe('string');
    const check = await h.api<CallReply>('POST', '/api/functions/checkSession/call', {
      openid,
      data: { token },
    });
    expect(check.body.result).toMatchObject({ ok: true });

    const events = await streamed;
    expect(events.map((e) => [e.functionName, e.openid, e.ok])).toEqual([
      ['login', openid, true],
      ['checkSession', openid, true],
    ]);
    expect(events[0]?.requestId).toBe(login.body.requestId);

    const log = await h.api<{ invocations: Invocation[]; lastSeq: number }>(
      'GET',
      '/api/invocations',
    );
    expect(log.body.invocations.map((i) => i.requestId)).toEqual([
      login.body.requestId,
      check.body.requestId,
    ]);
    const after = await h.api<{ invocations: Invocation[] }>(
      'GET',
      `/api/invocations?after=${log.body.lastSeq - 1}`,
    );
    expect(after.body.invocations).toHaveLength(1);
    // Which Node ran each call: the exact runtime of cloudbaserc.json (Nodejs18.15).
    expect(log.body.invocations.map((i) => i.node)).toEqual(['v18.15.0', 'v18.15.0']);

    // The user record makes this OPENID known, labelled as a user.
    const known = await h.api<{ openids: { openid: string; source: string }[] }>(
      'GET',
      '/api/openids',
    );
    expect(known.body.openids).toContainEqual({ openid, source: 'users' });
  });

  test('a failing call reports its errCode; a missing OPENID is refused', async () => {
    const missing = await h.api<CallReply>('POST', '/api/functions/noSuchFunction/call', {
      openid: 'o-x',
      data: {},
    });
    expect(missing.body).toMatchObject({ ok: false, errCode: -504001 });
    expect(missing.body.errMsg).toMatch(/not found/);
    const noOpenid = await h.api('POST', '/api/functions/login/call', { data: {} });
    expect(noOpenid.status).toBe(400);

    expect((await h.api('DELETE', '/api/invocations')).status).toBe(200);
    expect(
      (await h.api<{ invocations: unknown[] }>('GET', '/api/invocations')).body.invocations,
    ).toEqual([]);
  });

  test('stop() ends open event streams instead of hanging', async () => {
    const other = await startHarness();
    const stream = await fetch(`${other.emu.url}/api/invocations/stream`);
    const reading = readEvents(stream.body as ReadableStream<Uint8Array>, 1);
    // stop() resolving at all is the check (a hang fails on the test's own timeout).
    await other.emu.stop();
    // Ended cleanly or cut with the connection: either way the stream is over and stop() returned.
    const outcome = await reading.then(
      (events) => events.length,
      (error: Error) => error.message,
    );
    expect([0, 'terminated']).toContain(outcome);
  });
});
