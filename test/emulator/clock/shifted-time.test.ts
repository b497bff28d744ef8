/**
 * The movable clock: function code (unmodified) sees it through Date, db.serverDate() and
 * temporary URLs follow it, a warm instance follows a clock moved while it was idle, and the
 * real-time budget of an invocation does not move.
 */
import { PHONE_CODE_TTL_MS, startEmulator, type RunningEmulator } from '../../../emulator/src';
import { createWxCloud } from '../../../emulator/src/bridge';
import { buildEmulator } from '../host/support';
import { api, clockProject, DAY, SLACK_MS } from './support';

interface Probe {
  loadedAt: number;
  now: number;
  newDate: number;
  dateText: string;
  fixed: number;
  isDate: boolean;
  remainingMs: number;
  stored: number | null;
  pid: number;
}

let emulator: RunningEmulator;

beforeAll(async () => {
  buildEmulator();
  emulator = await startEmulator({ project: clockProject, port: 0, triggers: false });
});
afterAll(async () => {
  await emulator?.stop();
});
beforeEach(() => {
  emulator.clock.setOffset(0);
});

async function probe(data: object = {}): Promise<Probe> {
  const reply = await emulator.callFunction('timeProbe', data, { openid: 'o-clock' });
  if (!reply.ok) throw new Error(JSON.stringify(reply.body));
  return reply.result as Probe;
}

/** `value` is real time (read around the call) shifted by `offset`. */
function expectShifted(value: number, before: number, offset: number): void {
  expect(value).toBeGreaterThanOrEqual(before + offset);
  expect(value).toBeLessThanOrEqual(Date.now() + offset + SLACK_MS);
}

test('functions see the shifted time through Date.now(), new Date() and Date()', async () => {
  emulator.clock.setOffset(8 * DAY);
  const before = Date.now();
  const seen = await probe();
  expectShifted(seen.now, before, 8 * DAY);
  expectShifted(seen.newDate, before, 8 * DAY);
  expectShifted(Date.parse(seen.dateText), before - 1000, 8 * DAY);
  // Explicit dates and instanceof are untouched.
  expect(seen.fixed).toBe(Date.UTC(2020, 0, 1));
  expect(seen.isDate).toBe(true);
  // The invocation's budget is real time: 10 s timeout, not 8 days off.
  expect(seen.remainingMs).toBeGreaterThan(0);
  expect(seen.remainingMs).toBeLessThanOrEqual(10_000);
});

test('a warm instance follows the clock moved while it was idle', async () => {
  const start = Date.now();
  const first = await probe();
  expectShifted(first.now, start, 0);
  emulator.clock.advance(DAY);
  const before = Date.now();
  const second = await probe();
  expect(second.pid).toBe(first.pid);
  expectShifted(second.now, before, DAY);
  emulator.clock.setOffset(0);
  const third = await probe();
  expect(third.pid).toBe(first.pid);
  expect(third.now).toBeLessThan(second.now - DAY + SLACK_MS);
});

test('db.serverDate() is the emulated time', async () => {
  emulator.clock.setOffset(30 * DAY);
  const before = Date.now();
  const seen = await probe({ serverDate: true });
  expectShifted(seen.stored ?? 0, before, 30 * DAY);
});

test('a temporary URL expires by the emulated clock', async () => {
  const cloud = createWxCloud({ url: emulator.url, openid: 'o-clock' });
  const { fileID } = await cloud.uploadFile({
    cloudPath: 'clock/a.txt',
    filePath: __filename,
  });
  const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
  const url = fileList[0]!.tempFileURL;
  expect((await fetch(url)).status).toBe(200);
  emulator.clock.advance(61_000);
  expect((await fetch(url)).status).toBe(403);
});

test('issued phone codes expire by the emulated clock', () => {
  emulator.clock.setOffset(8 * DAY);
  const before = Date.now();
  const { expiresAt } = emulator.openapi.phoneCodes.issue({
    openid: 'o-clock',
    phoneNumber: '13800138000',
  });
  expectShifted(expiresAt - PHONE_CODE_TTL_MS, before, 8 * DAY);
});

describe('GET/PUT /api/clock', () => {
  test('reads, sets and advances the offset', async () => {
    const read = await api(emulator, 'GET', '/api/clock');
    expect(read.status).toBe(200);
    expect(read.body.offsetMs).toBe(0);
    expect(Math.abs((read.body.now as number) - Date.now())).toBeLessThan(SLACK_MS);
    expect((await api(emulator, 'PUT', '/api/clock', { offsetMs: DAY })).body.offsetMs).toBe(DAY);
    const advanced = await api(emulator, 'PUT', '/api/clock', { advanceMs: 3_600_000 });
    expect(advanced).toMatchObject({ status: 200, body: { offsetMs: DAY + 3_600_000 } });
    expect(emulator.clock.offsetMs).toBe(DAY + 3_600_000);
  });

  test.each([
    [{ advanceMs: -1 }],
    [{ offsetMs: 'soon' }],
    [{ offsetMs: 1.5 }],
    [{}],
    [{ offsetMs: 1, advanceMs: 1 }],
    [[1]],
    [{ offsetMs: 1e15 }],
  ])('refuses %j with 400 and leaves the clock alone', async (body) => {
    emulator.clock.setOffset(5);
    const reply = await api(emulator, 'PUT', '/api/clock', body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'INVALID_CLOCK' });
    expect(emulator.clock.offsetMs).toBe(5);
  });

  test('a page of another site cannot move the clock', async () => {
    const reply = await api(
      emulator,
      'PUT',
      '/api/clock',
      { offsetMs: DAY },
      { origin: 'http://evil.example' },
    );
    expect(reply.status).toBe(403);
    expect(emulator.clock.offsetMs).toBe(0);
  });
});
