/**
 * The Simulate tab's 授权变更推送 card sends WeChat's 授权用户信息变更 event to
 * onUserAuthorizationChange as a platform push (no OPENID), in a real Chromium against a real
 * emulator: the cancellation push deletes the simulated user's account.
 */
import { snap } from './support/browser';
import { useConsoleSession } from './support/console-session';
import { waitForText } from './support/wait';

describe('Simulate: authorization-change push', () => {
  const ctx = useConsoleSession({ route: 'simulate' });
  const { pageErrors } = ctx;

  test('a cancellation push for the simulated user deletes the account; its token stops working', async () => {
    const page = ctx.page;
    await ctx.ui.newOpenid();
    expect((await ctx.ui.call()).result).toMatchObject({ ok: true });

    await page.getByTestId('auth-push-kind').click();
    await page.locator('.el-select-dropdown__item', { hasText: '注销微信账号' }).click();
    const requestId = page.getByTestId('request-id');
    const before = await requestId.textContent();
    await page.getByTestId('auth-push-send').click();
    await waitForText(requestId, (t) => t !== '' && t !== before);
    const shown = JSON.parse((await page.getByTestId('result').textContent()) ?? '') as unknown;
    expect(shown).toMatchObject({
      ok: true,
      data: { event: 'user_authorization_cancellation', deleted: { sessions: 1 } },
    });
    await snap(page, 'authorization-push-cancelled');

    // The editor's checkSession template carries the login token, which no longer works.
    await ctx.ui.chooseFunction('checkSession');
    expect((await ctx.ui.call()).result).toMatchObject({
      ok: false,
      error: { code: 'SESSION_INVALID' },
    });
    expect(pageErrors).toEqual([]);
  });

  test('the push route takes only a JSON object as the event', async () => {
    const response = await fetch(`${ctx.emu.url}/api/functions/onUserAuthorizationChange/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: 'user_authorization_cancellation' }),
    });
    expect(response.status).toBe(400);
  });
});
