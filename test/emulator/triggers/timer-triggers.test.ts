/**
 * Timer triggers from cloudbaserc.json, fired on the emulated clock: at their cron time
 * (UTC+8, second-level too), once after a multi-day jump, on demand, never by themselves with
 * automatic firing off; the event and the WeChat context are a timer's.
 */
import { startEmulator, type InvocationEvent, type RunningEmulator } from '../../../emulator/src';
import { buildEmulator } from '../host/support';
import { api, clockProject, DAY, nextInvocation } from '../clock/support';

interface TickResult {
  event: { Type: string; TriggerName: string; Time: string; Message: string };
  context: Record<string, unknown>;
}

/** 03:00 UTC+8 is 19:00 UTC the day before. */
function nextDailyUtc(after: number): number {
  const at = new Date(after);
  at.setUTCHours(19, 0, 0, 0);
  return at.getTime() > after ? at.getTime() : at.getTime() + DAY;
}

const triggerName = (event: InvocationEvent): string | undefined =>
  (event.event as { TriggerName?: string } | null)?.TriggerName;

const eventTime = (event: InvocationEvent): string | undefined =>
  (event.event as { Time?: string } | null)?.Time;

/** The event's Time format: ISO UTC without milliseconds. */
const iso = (time: number): string => new Date(time).toISOString().replace('.000Z', 'Z');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('automatic firing', () => {
  let emulator: RunningEmulator;
  let seen: InvocationEvent[];
  beforeAll(async () => {
    buildEmulator();
    emulator = await startEmulator({ project: clockProject, port: 0 });
    seen = [];
    emulator.events.on('invocation', (event) => seen.push(event));
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  const daily = () => seen.filter((event) => triggerName(event) === 'daily');

  test('GET /api/triggers lists each trigger with its next run on the emulated clock', async () => {
    emulator.clock.setOffset(0);
    const { status, body } = await api(emulator, 'GET', '/api/triggers');
    expect(status).toBe(200);
    expect(body.automatic).toBe(true);
    const list = body.triggers as Array<Record<string, unknown>>;
    expect(list.map((t) => `${t.functionName}/${t.name}`)).toEqual([
      'tick/daily',
      'tick/weekdayNoon',
      'tick/every10s',
    ]);
    const now = body.now as number;
    expect(list[0]).toMatchObject({ type: 'timer', config: '0 0 3 * * * *' });
    expect(list[0]!.nextRunAt).toBe(nextDailyUtc(now));
  });

  test('a daily trigger fires at 03:00 UTC+8 of the emulated clock, with a timer event and context', async () => {
    const due = nextDailyUtc(Date.now() + 2 * DAY);
    const time = iso(due);
    // The jump itself passes one 03:00 (fired for that day); the one we wait for is `due`.
    const firing = nextInvocation(
      emulator,
      (event) => triggerName(event) === 'daily' && eventTime(event) === time,
    );
    // 300 ms before the due time: the scheduler's own timer (real time) fires it.
    emulator.clock.setOffset(due - 300 - Date.now());
    const invocation = await firing;
    expect(invocation.ok).toBe(true);
    expect(invocation.openid).toBe('');
    expect(invocation.event).toEqual({
      Type: 'Timer',
      TriggerName: 'daily',
      Time: time,
      Message: '',
    });
    const tick = invocation.result as TickResult;
    expect(tick.event?.TriggerName).toBe('daily');
    expect(tick.context.SOURCE).toBe('wx_trigger');
    expect(tick.context).not.toHaveProperty('OPENID');
    expect(tick.context).not.toHaveProperty('APPID');
  });

  test('a second-level cron (every 10 s) fires at its second on its own', async () => {
    const now = emulator.clock.now();
    const due = now - (now % 10_000) + 20_000;
    const firing = nextInvocation(
      emulator,
      (event) => triggerName(event) === 'every10s' && eventTime(event) === iso(due),
    );
    emulator.clock.advance(due - 200 - now);
    expect((await firing).ok).toBe(true);
  });

  test('after a jump of several days the trigger fires once, for the latest due time', async () => {
    const from = emulator.clock.now();
    const jump = 3 * DAY + 3_600_000;
    const latest = nextDailyUtc(from + jump) - DAY;
    const firing = nextInvocation(
      emulator,
      (event) => triggerName(event) === 'daily' && eventTime(event) === iso(latest),
    );
    emulator.clock.advance(jump);
    expect((await firing).ok).toBe(true);
    await sleep(300);
    const inJump = daily().filter((event) => {
      const time = Date.parse(eventTime(event) ?? '');
      return time > from && time <= from + jump;
    });
    expect(inJump).toHaveLength(1);
  });

  test('day-of-month OR day-of-week: "13th or Friday" fires on a Friday', async () => {
    const list = emulator.triggers.list();
    const next = list.find((t) => t.name === 'weekdayNoon')!.nextRunAt!;
    const local = new Date(next + 8 * 3_600_000);
    expect(local.getUTCHours()).toBe(12);
    expect(local.getUTCDate() === 13 || local.getUTCDay() === 5).toBe(true);
    const firing = nextInvocation(emulator, (event) => triggerName(event) === 'weekdayNoon');
    emulator.clock.setOffset(next - Date.now());
    expect((await firing).ok).toBe(true);
  });
});

describe('--no-triggers (triggers: false)', () => {
  let emulator: RunningEmulator;
  let seen: InvocationEvent[];
  beforeAll(async () => {
    emulator = await startEmulator({ project: clockProject, port: 0, triggers: false });
    seen = [];
    emulator.events.on('invocation', (event) => seen.push(event));
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  test('nothing fires by itself, but POST .../run fires one now', async () => {
    emulator.clock.advance(10 * DAY);
    const firing = nextInvocation(emulator, (event) => triggerName(event) === 'daily');
    const now = emulator.clock.now();
    const reply = await api(emulator, 'POST', '/api/triggers/tick/daily/run');
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ functionName: 'tick', trigger: 'daily' });
    const invocation = await firing;
    const time = Date.parse(eventTime(invocation) ?? '');
    expect(Math.abs(time - now)).toBeLessThan(60_000);
    await sleep(300);
    expect(seen).toHaveLength(1);
    expect((await api(emulator, 'GET', '/api/triggers')).body.automatic).toBe(false);
  });

  test('an unknown trigger is 404; a foreign page cannot fire one', async () => {
    const missing = await api(emulator, 'POST', '/api/triggers/tick/nope/run');
    expect(missing.status).toBe(404);
    const foreign = await api(emulator, 'POST', '/api/triggers/tick/daily/run', undefined, {
      origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
    await sleep(100);
    expect(seen).toHaveLength(1);
  });
});
