/** What a function sees: environment, getWXContext() from the real SDK, SCF context, event. */
import {
  startEmulator,
  type InvocationEvent,
  type RunningEmulator,
} from '../../../emulator/src/index';
import type { Logger } from '../../../emulator/src/logging/logger';
import { buildEmulator, fixtureProject, waitFor } from './support';

interface Echo {
  event: Record<string, unknown>;
  wxContext: Record<string, unknown>;
  env: Record<string, string | undefined>;
  cwd: string;
  context: Record<string, unknown>;
}

let emu: RunningEmulator;
const lines: string[] = [];
const invocations: InvocationEvent[] = [];
const logger: Logger = {
  log: (level, message) => lines.push(`${level} ${message}`),
  functionOutput: (fn, requestId, level, text) =>
    lines.push(`${level} [${fn} ${requestId ?? '-'}] ${text}`),
};

beforeAll(async () => {
  buildEmulator();
  process.env.HOST_FIXTURE_ENV_ID = 'fixture-env-1a2b';
  process.env.HOST_SECRET_SHOULD_NOT_LEAK = 'leaked';
  emu = await startEmulator({ project: fixtureProject, logger });
  emu.events.on('invocation', (event) => invocations.push(event));
});

afterAll(async () => {
  await emu?.stop();
  delete process.env.HOST_FIXTURE_ENV_ID;
  delete process.env.HOST_SECRET_SHOULD_NOT_LEAK;
});

test('getWXContext() reports the caller as the real SDK does in production', async () => {
  const reply = await emu.callFunction(
    'echo',
    { a: 1 },
    { openid: 'o-ctx', appid: 'wx1234567890abcdef', unionid: 'u-ctx' },
  );
  expect(reply.status).toBe(200);
  const echo = reply.result as Echo;
  expect(echo.wxContext).toEqual({
    OPENID: 'o-ctx',
    APPID: 'wx1234567890abcdef',
    UNIONID: 'u-ctx',
    CLIENTIP: '127.0.0.1',
    ENV: 'fixture-env-1a2b',
    SOURCE: 'wx_client',
  });
});

test('appid defaults, source and client ip can be set by header', async () => {
  const reply = await emu.callFunction(
    'echo',
    {},
    { openid: 'o-ctx', source: 'wx_devtools', clientIp: '10.1.2.3' },
  );
  const { wxContext } = reply.result as Echo;
  expect(wxContext).toMatchObject({
    APPID: 'wx0000000000000000',
    SOURCE: 'wx_devtools',
    CLIENTIP: '10.1.2.3',
  });
});

test('the environment is the SCF one plus envVariables, and nothing of the host leaks', async () => {
  const reply = await emu.callFunction('echo', {}, { openid: 'o-env' });
  const { env } = reply.result as Echo;
  expect(env).toMatchObject({
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: 'fixture-env-1a2b',
    TCB_ENV: 'fixture-env-1a2b',
    TCB_SOURCE: 'wx_client',
    GREETING: 'hello',
    // Non-string envVariables arrive as strings, as environment variables do.
    LIMIT: '5',
  });
  expect(env.TENCENTCLOUD_SECRETID).toEqual(expect.any(String));
  expect(env.TENCENTCLOUD_SECRETKEY).toEqual(expect.any(String));
  expect(JSON.parse(env.TCB_CONTEXT_CNFG ?? '{}')).toEqual({
    URL: `${emu.adminUrl}/i/${reply.requestID}`,
  });
  expect(env.HOST_SECRET_SHOULD_NOT_LEAK).toBeUndefined();
  // echo sets its own envVariables; like `tcb fn deploy` (lodash merge), they add to
  // functionDefaultConfig's instead of replacing them.
  expect(env.FROM_DEFAULTS).toBe('yes');
});

test('a function without envVariables gets functionDefaultConfig ones; folder functions are found', async () => {
  const reply = await emu.callFunction('folderOnly', {}, { openid: 'o-env' });
  expect(reply.result).toEqual({ found: true, timeout: 10, fromDefaults: 'yes' });
  expect(emu.functions.list().map((fn) => fn.name)).toEqual(
    expect.arrayContaining(['echo', 'folderOnly']),
  );
});

test('main gets the event with userInfo and an SCF-like context, in its own folder', async () => {
  const reply = await emu.callFunction('echo', { a: 1, nested: { b: [2] } }, { openid: 'o-event' });
  const echo = reply.result as Echo;
  expect(echo.event).toEqual({
    a: 1,
    nested: { b: [2] },
    userInfo: { appId: 'wx0000000000000000', openId: 'o-event' },
  });
  expect(echo.context).toMatchObject({
    request_id: reply.requestID,
    function_name: 'echo',
    function_version: '$LATEST',
    memory_limit_in_mb: 128,
    time_limit_in_ms: 10_000,
    namespace: 'fixture-env-1a2b',
    waitsForEmptyEventLoop: false,
  });
  expect(echo.context.environ).toContain('WX_OPENID=o-event');
  expect(echo.context.remaining).toBeGreaterThan(9000);
  expect(echo.cwd).toBe(`${fixtureProject}/functions/echo`);
});

test('function output reaches the emulator log and the invocation event, tagged with the request', async () => {
  const reply = await emu.callFunction('logger', { tag: 'T1' }, { openid: 'o-log' });
  expect(reply.result).toBe('logged');
  expect(lines).toContain(`info [logger ${reply.requestID}] hello from T1`);
  expect(lines).toContain(`warn [logger ${reply.requestID}] careful { tag: 'T1' }`);
  // Raw stdout travels on a pipe, not IPC: it may land just after the reply, still tagged.
  const rawLine = `info [logger ${reply.requestID}] raw stdout T1`;
  expect(await waitFor(() => lines.includes(rawLine), 5000)).toBe(true);
  const event = invocations.find((item) => item.requestId === reply.requestID);
  expect(event).toMatchObject({
    functionName: 'logger',
    openid: 'o-log',
    ok: true,
    result: 'logged',
    event: { tag: 'T1', userInfo: { openId: 'o-log' } },
  });
  expect(typeof event?.durationMs).toBe('number');
  expect(typeof event?.startedAt).toBe('number');
  expect(event?.logs.map((line) => `${line.level} ${line.text}`)).toEqual(
    expect.arrayContaining(['info hello from T1', "warn careful { tag: 'T1' }"]),
  );
});

test('database calls made by an invocation are attributed to it through /admin/i/<requestId>', async () => {
  await emu.database.handle({ action: 'database.addCollection', collectionName: 'ctxbench' });
  const reply = await emu.callFunction(
    'addOne',
    { collection: 'ctxbench', n: 1 },
    { openid: 'o-db' },
  );
  expect(reply.status).toBe(200);
  const stats = emu.database.stats().byInvocation[reply.requestID ?? ''];
  expect(stats).toMatchObject({ functionName: 'addOne', calls: 1 });
  expect(stats?.byAction['database.insertDocument']).toBe(1);
});
