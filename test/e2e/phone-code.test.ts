/**
 * The Simulate tab issues a test phone code (the getPhoneNumber button's stand-in) for the
 * simulated user and feeds it to bindPhoneNumber, in a real Chromium against a real emulator.
 */
import { snap } from './support/browser';
import { useConsoleSession } from './support/console-session';
import { waitForText, waitUntil } from './support/wait';

describe('Simulate: phone codes', () => {
  const ctx = useConsoleSession({ route: 'simulate' });
  const { pageErrors } = ctx;

  test('issue a code for the simulated user, bind the number, the same code again is refused', async () => {
    const page = ctx.page;
    await ctx.ui.newOpenid();
    expect((await ctx.ui.call()).result).toMatchObject({ ok: true });

    await page.getByTestId('phone-number').fill('13912345678');
    await page.getByTestId('issue-phone-code').click();
    const code = await waitForText(page.getByTestId('phone-code'), (t) => /^[0-9a-f]{64}$/.test(t));
    await page.getByTestId('use-phone-code').click();
    await waitUntil('the code in the request', async () =>
      (await ctx.ui.requestText()).includes(code),
    );
    const bound = await ctx.ui.call();
    expect(bound.result).toMatchObject({
      ok: true,
      data: { user: { phone: { countryCode: '86', number: '13912345678' } } },
    });
    await snap(page, 'phone-code-bound');

    const again = await ctx.ui.call();
    expect(again.result).toMatchObject({ ok: false, error: { code: 'PHONE_CODE_INVALID' } });
    expect(ctx.emu.openapi.stats()['phonenumber.getPhoneNumber']).toMatchObject({
      calls: 2,
      succeeded: 1,
    });
    expect(pageErrors).toEqual([]);
  });
});
