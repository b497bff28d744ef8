/**
 * Time in the console, in a real Chromium against the repo's own project: the header shows the
 * emulated Beijing time, +1 天 / +8 天 move it and mark it shifted, 重置 goes back; the
 * Functions tab lists cleanupSessions' daily trigger with its next run, and 立即运行 fires it
 * (the run shows up as a timer call in the invocation log).
 */
import type { InvocationEvent } from '../../emulator/src/index';
import { snap } from './support/browser';
import { useConsoleSession } from './support/console-session';
import { waitForText, waitUntil } from './support/wait';

const DAY = 86_400_000;

/** `YYYY-MM-DD 03:00:00`: the first 03:00 Beijing time (19:00 UTC) after `now`. */
function next0300Beijing(now: number): string {
  const at = new Date(now);
  at.setUTCHours(19, 0, 0, 0);
  const next = at.getTime() > now ? at.getTime() : at.getTime() + DAY;
  return `${new Date(next + 8 * 3_600_000).toISOString().slice(0, 10)} 03:00:00`;
}

describe('emulated time in the console', () => {
  const calls: InvocationEvent[] = [];
  const ctx = useConsoleSession({
    // No automatic firing: the +8 天 jump must not start cleanupSessions by itself here.
    emulator: { triggers: false },
    seed: (emu) => {
      emu.events.on('invocation', (event) => calls.push(event));
    },
    route: 'functions',
  });
  const { pageErrors } = ctx;

  test('the header moves the clock and marks it shifted; 重置 returns to real time', async () => {
    const page = ctx.page;
    await waitForText(page.getByTestId('clock-real'), (t) => t.includes('真实时间'));
    await page.getByRole('button', { name: '+1 天' }).click();
    await waitUntil('the offset is one day', async () => ctx.emu.clock.offsetMs === DAY);
    await page.getByRole('button', { name: '+8 天' }).click();
    await waitUntil('the offset is nine days', async () => ctx.emu.clock.offsetMs === 9 * DAY);
    const mark = await waitForText(page.getByTestId('clock-shifted'), (t) => t.includes('9 天'));
    expect(mark).toContain('时间已偏移 +9 天');
    // The header shows the emulated date (Beijing time), nine days from today.
    const shown = await page.getByTestId('clock-now').textContent();
    const expected = new Date(Date.now() + 9 * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(shown).toContain(expected);
    // The Functions tab follows: the next 03:00 is now nine days out.
    const nextRun = next0300Beijing(ctx.emu.clock.now());
    await waitForText(page.getByTestId('trigger-cleanupSessions-daily'), (t) =>
      t.includes(`下次 ${nextRun}`),
    );
    await snap(page, 'clock-shifted');

    await page.getByTestId('clock-reset').click();
    await waitUntil('the offset is zero', async () => ctx.emu.clock.offsetMs === 0);
    await waitForText(page.getByTestId('clock-real'), (t) => t.includes('真实时间'));
    // The tag fades out (Element Plus transition) before it leaves the page.
    await waitUntil('the shifted mark is gone', async () => {
      return (await page.getByTestId('clock-shifted').count()) === 0;
    });
  });

  test('a clock moved elsewhere (API, tests) shows up in the header', async () => {
    ctx.emu.clock.setOffset(2 * DAY + 3 * 3_600_000);
    await waitForText(ctx.page.getByTestId('clock-shifted'), (t) => t.includes('+2 天 3 小时'));
    ctx.emu.clock.setOffset(0);
  });

  test('Functions lists the daily trigger with its next run; 立即运行 fires it', async () => {
    const page = ctx.page;
    await ctx.ui.tab('functions');
    const row = page.getByTestId('trigger-cleanupSessions-daily');
    // The row follows the clock the previous test put back to real time.
    const text = await waitForText(row, (t) =>
      t.includes(`下次 ${next0300Beijing(ctx.emu.clock.now())}`),
    );
    expect(text).toContain('daily · 0 0 3 * * * *');
    await page.getByTestId('run-cleanupSessions-daily').click();
    await waitUntil('cleanupSessions ran from its trigger', async () =>
      calls.some((c) => c.functionName === 'cleanupSessions'),
    );
    const run = calls.find((c) => c.functionName === 'cleanupSessions')!;
    expect(run.event).toMatchObject({ Type: 'Timer', TriggerName: 'daily', Message: '' });
    expect(run.result).toMatchObject({ ok: true, data: { deleted: 0 } });
    await snap(page, 'clock-trigger-run');
    expect(pageErrors).toEqual([]);
  });
});
