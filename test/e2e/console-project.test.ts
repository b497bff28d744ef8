/**
 * The console on someone else's project (issue 23 item 7): the header names the project it
 * serves (it said wx-cloud-login whatever the project), the Data tab asks to pick a collection
 * when there are some, and every time is shown in the one labelled zone (UTC+8) even when the
 * browser runs in another zone (the invocation log showed the browser's zone beside a
 * Beijing-time clock).
 */
import path from 'node:path';
import type { InvocationEvent } from '../../emulator/src/index';
import { useConsoleSession } from './support/console-session';
import { waitForText } from './support/wait';

const devtoolsProject = path.resolve(__dirname, '../fixtures/devtools-project');
const invocations: InvocationEvent[] = [];
let browserZone: string | undefined;

beforeAll(() => {
  // Chromium takes its zone from TZ: a developer in New York (UTC-5 in December).
  browserZone = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (browserZone === undefined) delete process.env.TZ;
  else process.env.TZ = browserZone;
});

/** `2026-12-07 13:00:05` in UTC+8, computed independently of the console's own code. */
function utc8(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

describe('console on a DevTools project, browser in another zone', () => {
  const ctx = useConsoleSession({
    emulator: { project: devtoolsProject, runtimeNode: 'local' },
    route: 'data',
    seed: async (emu) => {
      for (const name of ['courses', 'bookings', 'teachers']) {
        await emu.database.handle({ action: 'database.addCollection', collectionName: name });
      }
      emu.events.on('invocation', (event) => invocations.push(event));
      await emu.callFunction('book', { courseStart: '2099-01-01 10:00' }, { openid: 'o-tz' });
    },
  });

  test('the header names the project', async () => {
    const name = await waitForText(ctx.page.getByTestId('project-name'), (t) => t !== '…');
    expect(name).toBe('course-booking');
    expect(await ctx.page.title()).toContain('course-booking');
  });

  test('the Data tab lists the collections and asks to pick one', async () => {
    await waitForText(ctx.page.getByTestId('collections'), (t) => t.includes('teachers'));
    const prompt = await waitForText(ctx.page.getByTestId('pick-collection'), (t) => t !== '');
    expect(prompt).toContain('有 3 个集合');
    expect(await ctx.page.getByTestId('no-collections').count()).toBe(0);
  });

  test('the invocation log shows its time in UTC+8, labelled, like the clock', async () => {
    expect(await ctx.page.evaluate(() => new Date(0).getTimezoneOffset())).toBe(300);
    await ctx.ui.tab('functions');
    const log = ctx.page.getByTestId('invocations');
    const started = invocations[0]!.startedAt;
    const text = await waitForText(log, (t) => t.includes('book'));
    expect(text).toContain('时间 (UTC+8)');
    expect(text).toContain(utc8(started));
    expect(await ctx.page.getByTestId('clock').innerText()).toContain('UTC+8');
    expect(ctx.pageErrors).toEqual([]);
  });
});
