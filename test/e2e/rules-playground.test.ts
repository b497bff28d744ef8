/**
 * The rules view and playground in a real Chromium against a real emulator with this project's
 * shipped rules: the Data tab shows the rule in force; the playground allows a user's own
 * users document by where({ _openid: '{openid}' }), refuses a bare get() with the reason, and
 * never writes (an add it judges leaves the collection as it was).
 * `UPDATE_SCREENSHOTS=1 npm run test:e2e` refreshes docs/images/rules-playground.png.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { snap } from './support/browser';
import { useConsoleSession } from './support/console-session';
import { waitForText } from './support/wait';

describe('rules playground in Chromium', () => {
  const ctx = useConsoleSession({
    seed: async (emu) => {
      await emu.callFunction('login', {}, { openid: 'o-playground-user' });
    },
  });
  const { pageErrors } = ctx;

  const page = () => ctx.page;
  const usersCount = async () => {
    const reply = (await ctx.emu.database.handle({
      action: 'database.calculateDocument',
      collectionName: 'users',
    })) as {
      data: { total: number };
    };
    return reply.data.total;
  };

  test('the Data tab shows the rule in force for the collection', async () => {
    await page().goto(`${ctx.emu.url}/#/data`);
    const card = page().getByTestId('rule-card');
    await waitForText(card, (t) => t.includes('database/security-rules/users.json'));
    expect(await page().getByTestId('rule-json').textContent()).toContain(
      'doc._openid == auth.openid',
    );
  });

  test('the playground judges without touching data', async () => {
    await page().goto(`${ctx.emu.url}/#/rules`);
    await waitForText(
      page().getByTestId('rules-table'),
      (t) => t.includes('sessions') && t.includes('users'),
    );
    const answer = page().getByTestId('pg-answer');

    // The default question: get() on users where({ _openid: '{openid}' }) as the logged-in user.
    await page().getByTestId('pg-ask').click();
    await waitForText(answer, (t) => t.includes('允许'));

    // A bare get() is refused, and the reason names the rule and the missing condition.
    await page().getByTestId('pg-query').locator('textarea').fill('{}');
    await page().getByTestId('pg-ask').click();
    const refused = await waitForText(answer, (t) => t.includes('拒绝'));
    expect(refused).toContain('does not fix or bound _openid');
    await page().mouse.move(0, 0);
    const file = await snap(page(), 'rules-playground-1280x800');
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const target = path.resolve(__dirname, '../../docs/images/rules-playground.png');
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(file, target);
    }

    // add() judged on users (write: false) is refused, and nothing is written.
    const before = await usersCount();
    await page().getByTestId('pg-operation').click();
    await page().locator('.el-select-dropdown__item', { hasText: 'add({ data })' }).click();
    await page().getByTestId('pg-ask').click();
    await waitForText(answer, (t) => t.includes('rule "create"') || t.includes('rule "write"'));
    expect(await usersCount()).toBe(before);
    expect(pageErrors).toEqual([]);
  });
});
