/**
 * Functions see what production gives them (issue 23 item 3): the time zone is UTC whatever
 * the host's (a function's own TZ variable wins), and modules resolve only from the function's
 * own folder: one found only in a parent node_modules is named in a warning, and refused when
 * asked to behave as the cloud (the CLI's default).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type InvocationEvent, type RunningEmulator } from '../../../emulator/src';
import { buildEmulator, repoRoot } from './support';

const devtoolsProject = path.join(repoRoot, 'test/fixtures/devtools-project');
/** 13:00 in Beijing, 05:00 UTC: a course "2026-12-07 10:00" has started in Beijing only. */
const NOW = Date.parse('2026-12-07T05:00:00Z');
const COURSE = { courseStart: '2026-12-07 10:00' };

let hostZone: string | undefined;
beforeAll(() => {
  buildEmulator();
  hostZone = process.env.TZ;
  // The developer's laptop is in Beijing; instances are started from this environment.
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

async function start(project: string, extra: object = {}): Promise<RunningEmulator> {
  return startEmulator({
    project,
    runtimeNode: 'local',
    clockOffsetMs: NOW - Date.now(),
    ...extra,
  });
}

test('the host time zone does not leak in: functions run in UTC as on SCF', async () => {
  const emulator = await start(devtoolsProject);
  try {
    const reply = await emulator.callFunction('book', COURSE, { openid: 'o-student' });
    expect(reply.result).toEqual({ ok: true, message: '预约成功', tz: 'UTC', offsetMinutes: 0 });
  } finally {
    await emulator.stop();
  }
});

test("a function's own TZ environment variable still sets its zone", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tz-project-'));
  try {
    cpSync(devtoolsProject, dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'cloudbaserc.json'),
      JSON.stringify({
        functionRoot: 'cloud/functions',
        functions: [{ name: 'book', envVariables: { TZ: 'Asia/Shanghai' } }],
      }),
    );
    const emulator = await start(dir);
    try {
      const reply = await emulator.callFunction('book', COURSE, { openid: 'o-student' });
      expect(reply.result).toEqual({ ok: false, message: '课程时间已过' });
    } finally {
      await emulator.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('a module found only in a parent node_modules', () => {
  const warnings = (seen: InvocationEvent[]) =>
    seen.flatMap((event) => event.logs).filter((line) => line.level === 'warn');

  test('is named in one warning line and loads (parentModules: warn, the API default)', async () => {
    const emulator = await start(devtoolsProject);
    const seen: InvocationEvent[] = [];
    emulator.events.on('invocation', (event) => seen.push(event));
    try {
      const reply = await emulator.callFunction('leaky', {}, { openid: 'o-1' });
      expect(reply.result).toEqual({ a: 1, b: 2 });
      expect(warnings(seen).map((line) => line.text)).toEqual([
        expect.stringMatching(
          /^module "lodash\/merge" is not in the function's folder: it resolves from .*node_modules.*lodash.*merge\.js, which an upload leaves out/,
        ),
      ]);
    } finally {
      await emulator.stop();
    }
  });

  test('fails the require as the cloud does with parentModules: refuse (the CLI default)', async () => {
    const emulator = await start(devtoolsProject, { parentModules: 'refuse' });
    try {
      const reply = await emulator.callFunction('leaky', {}, { openid: 'o-1' });
      expect(reply.status).toBe(500);
      expect(reply.errMsg).toMatch(/Cannot find module 'lodash\/merge'/);
      // Its own files and Node's built-ins still load.
      const book = await emulator.callFunction('book', COURSE, { openid: 'o-1' });
      expect(book.ok).toBe(true);
    } finally {
      await emulator.stop();
    }
  });
});
