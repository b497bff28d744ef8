/**
 * The Pushes tab sends a production-shaped push to the function message-push.json routes it
 * to, in a real Chromium against a real emulator, and shows what the function received.
 */
import path from 'node:path';
import { snap } from './support/browser';
import { useConsoleSession } from './support/console-session';
import { waitForText } from './support/wait';

describe('Pushes tab', () => {
  const ctx = useConsoleSession({
    route: 'pushes',
    emulator: { project: path.resolve(__dirname, '../fixtures/push-project') },
  });

  test('lists the routes, sends user_authorization_revoke for the typed OPENID, shows the event', async () => {
    const page = ctx.page;
    await waitForText(page.getByTestId('push-routes'), (t) =>
      t.includes('event / user_authorization_revoke'),
    );
    await page.getByTestId('push-kind').click();
    await page.locator('.el-select-dropdown__item', { hasText: '授权撤回' }).click();
    await page.getByTestId('push-openid').fill('o-e2e-user');
    await page.getByTestId('push-openid').press('Enter');
    await page.getByTestId('push-send').click();
    await waitForText(page.getByTestId('push-status'), (t) => t.includes('已送达 pushProbe'));
    const shown = JSON.parse((await page.getByTestId('push-result').textContent()) ?? '') as {
      event: Record<string, unknown>;
      context: Record<string, unknown>;
    };
    expect(shown.event).toMatchObject({
      MsgType: 'event',
      Event: 'user_authorization_revoke',
      OpenID: 'o-e2e-user',
      RevokeInfo: '1',
    });
    expect(shown.context.OPENID).toBeUndefined();
    await waitForText(page.getByTestId('push-deliveries'), (t) => t.includes('pushProbe'));
    expect(ctx.emu.pushes.deliveries()).toHaveLength(1);
    await snap(page, 'pushes-revoke-delivered');
    expect(ctx.pageErrors).toEqual([]);
  });

  test('a push no function receives is refused with the file to edit', async () => {
    const page = ctx.page;
    await page
      .getByTestId('push-body')
      .locator('textarea')
      .fill(JSON.stringify({ MsgType: 'image', FromUserName: 'o', PicUrl: 'x', MediaId: 'm' }));
    await page.getByTestId('push-send').click();
    await waitForText(page.locator('.el-message'), (t) => t.includes('message-push.json'));
    expect(ctx.emu.pushes.deliveries()).toHaveLength(1);
  });
});
