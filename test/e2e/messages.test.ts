/**
 * The Messages tab in a real Chromium against a real emulator: the simulated user accepts a
 * subscribe template and writes to customer service from the page, a function sends both kinds
 * of message through the real wx-server-sdk, and the outbox renders them as the user sees them.
 */
import path from 'node:path';
import { snap } from './support/browser';
import { useConsoleSession } from './support/console-session';
import { waitForText } from './support/wait';

const project = path.resolve(__dirname, '../fixtures/openapi-project');

describe('Messages: the outbox', () => {
  const ctx = useConsoleSession({ route: 'messages', emulator: { project } });

  async function send(api: string, data: Record<string, unknown>) {
    const reply = await ctx.emu.callFunction('granted', { api, data }, { openid: 'o-e2e-user' });
    return reply.result as { ok: boolean; errCode?: number };
  }

  test('accept a template, a function sends it, the card shows its title and fields', async () => {
    const page = ctx.page;
    const subscribe = {
      touser: 'o-e2e-user',
      templateId: 'tmpl-order-ready',
      page: 'pages/order/detail?id=7',
      data: { thing1: { value: '豆浆油条套餐' }, characterString2: { value: 'A-007' } },
    };
    // Not accepted yet: production's 43101, and nothing in the outbox.
    expect(await send('subscribeMessage.send', subscribe)).toMatchObject({
      ok: false,
      errCode: 43101,
    });

    await page.getByTestId('msg-openid').fill('o-e2e-user');
    await page.getByTestId('msg-template').click();
    await page.getByText('取餐提醒（tmpl-order-ready）').click();
    await page.getByTestId('msg-accept').click();
    await waitForText(page.getByTestId('msg-note'), (t) => t.includes('剩余 1 次'));
    expect(await send('subscribeMessage.send', subscribe)).toMatchObject({ ok: true });

    await page.getByTestId('msg-user-messaged').click();
    await waitForText(page.getByTestId('msg-note'), (t) => t.includes('给客服发了消息'));
    const text = {
      touser: 'o-e2e-user',
      msgtype: 'text',
      text: { content: '您的早餐已备好，请到 3 号窗口取餐' },
    };
    expect(await send('customerServiceMessage.send', text)).toMatchObject({ ok: true });

    await page.getByTestId('msg-refresh').click();
    await waitForText(page.getByTestId('message-title'), (t) => t === '取餐提醒');
    const fields = await page.getByTestId('message-field').allTextContents();
    expect(fields).toEqual(['豆浆油条套餐', 'A-007']);
    await waitForText(page.getByTestId('message-text'), (t) => t.includes('3 号窗口'));
    const card = await page.locator('[data-kind=message]').first().textContent();
    expect(card).toContain('o-e2e-user');
    await snap(page, 'messages-outbox');

    await page.getByTestId('msg-clear').click();
    await waitForText(page.locator('.outbox'), (t) => t.includes('还没有发出的消息'));
    expect(ctx.emu.messages.list()).toEqual([]);
    expect(ctx.pageErrors).toEqual([]);
  });
});

describe('Simulate: open data cloud IDs', () => {
  const ctx = useConsoleSession({ route: 'simulate', emulator: { project } });

  test('issue a cloud ID for the simulated user, add it to the request, the function gets the data', async () => {
    const page = ctx.page;
    await ctx.ui.newOpenid();
    // Not a login function: chosen from the "其他函数" list.
    await page.getByTestId('other-function').click();
    await page.getByRole('option', { name: 'granted', exact: true }).click();
    await ctx.ui.setRequest({ echo: true });
    await page.getByTestId('issue-cloudid').click();
    const cloudID = await waitForText(page.getByTestId('cloudid'), (t) => /^27_/.test(t));
    await page.getByTestId('use-cloudid').click();
    const reply = await ctx.ui.call();
    expect(reply.result).toMatchObject({
      ok: true,
      event: {
        echo: true,
        weRunData: { cloudID, data: { stepInfoList: [{ step: 9103, timestamp: 1571673600 }] } },
      },
    });
    expect(ctx.pageErrors).toEqual([]);
  });
});
