/**
 * The console in a real Chromium against a real emulator (repo project, built functions):
 * a new user logs in through Simulate, shows up in Data, changes their nickname, loses their
 * session document, and checkSession then fails.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { openBrowser, snap } from './support/browser';
import { useConsoleSession } from './support/console-session';
import { waitForText, waitUntil } from './support/wait';

describe('emulator console in Chromium', () => {
  const ctx = useConsoleSession({ route: 'simulate' });
  const { pageErrors } = ctx;

  test('simulate a login, see the user, edit the profile, end the session', async () => {
    const openid = await ctx.ui.newOpenid();

    // 1. login as a brand-new user: the token is kept for the next calls.
    const login = await ctx.ui.call();
    expect(login.result).toMatchObject({ ok: true, data: { isNewUser: true } });
    const token = (login.result as { data: { token: string } }).data.token;
    await waitForText(ctx.page.getByTestId('token'), (t) => t.startsWith(token.slice(0, 16)));
    await snap(ctx.page, '01-simulate-login');

    // 2. the user appears in Data.
    await ctx.ui.tab('data');
    await ctx.ui.openCollection('users');
    await ctx.ui.waitForDocuments((t) => t.includes(openid));
    await snap(ctx.page, '02-user-in-data');

    // 3. change the nickname through updateUserInfo (the template already carries the token).
    await ctx.ui.tab('simulate');
    await ctx.ui.chooseFunction('updateUserInfo');
    expect(await ctx.ui.requestText()).toContain(token);
    await ctx.ui.setRequest({ token, profile: { nickName: '端到端测试' } });
    const updated = await ctx.ui.call();
    expect(updated.result).toMatchObject({ ok: true, data: { user: { nickName: '端到端测试' } } });

    // 4. the record changed (the view refreshes when the tab is shown again).
    await ctx.ui.tab('data');
    await ctx.ui.filter({ _openid: openid });
    const row = await ctx.ui.waitForDocuments((t) => t.includes('端到端测试'));
    expect(row).toContain(openid);
    await snap(ctx.page, '03-nickname-in-data');

    // 5. delete the session document.
    await ctx.ui.openCollection('sessions');
    await ctx.ui.filter({ openid });
    await ctx.ui.waitForDocuments((t) => t.includes(openid));
    await ctx.ui.deleteFirstDocument();
    await ctx.ui.waitForDocuments((t) => !t.includes(openid));
    const left = await ctx.emu.database.handle({
      action: 'database.calculateDocument',
      collectionName: 'sessions',
      queryType: 'WHERE',
      query: JSON.stringify({ openid }),
    });
    expect(left).toMatchObject({ data: { total: 0 } });
    await snap(ctx.page, '04-session-deleted');

    // 6. checkSession with the kept token now fails.
    await ctx.ui.tab('simulate');
    await ctx.ui.chooseFunction('checkSession');
    expect(await ctx.ui.requestText()).toContain(token);
    const check = await ctx.ui.call();
    expect(check.result).toMatchObject({ ok: false, error: { code: 'SESSION_INVALID' } });
    await snap(ctx.page, '05-check-session-fails');

    // 7. every call is in the live log, newest first, with OPENID and outcome.
    await ctx.ui.tab('functions');
    const log = ctx.page.getByTestId('invocations').locator('.el-table__body');
    const text = await waitForText(
      log,
      (t) => (t.match(new RegExp(openid, 'g')) ?? []).length >= 3,
    );
    expect(text.indexOf('checkSession')).toBeLessThan(text.indexOf('updateUserInfo'));
    expect(text).toContain('SESSION_INVALID');
    // Which Node ran each call: the exact runtime of cloudbaserc.json (Nodejs18.15).
    expect(text).toContain('v18.15.0');
    await log.locator('.el-table__expand-icon').first().click();
    await waitForText(ctx.page.locator('.el-table__expanded-cell').first(), (t) =>
      t.includes('"token"'),
    );
    await snap(ctx.page, '06-invocation-log');

    // 8. live: a call made elsewhere (here: over HTTP, as a mini program would) shows up without
    //    a reload, pushed over the event stream.
    await waitForText(ctx.page.getByTestId('live'), (t) => t.includes('实时连接'));
    await ctx.emu.callFunction('logout', { token, scope: 'all' }, { openid: 'oSomeoneElse' });
    await waitForText(log, (t) => t.includes('oSomeoneElse') && t.includes('logout'));

    expect(pageErrors).toEqual([]);
  });

  test('create a collection, add a document with a date, see it readable, drop the collection', async () => {
    await ctx.ui.tab('data');
    await ctx.page.getByTestId('new-collection').fill('notes');
    await ctx.page.getByRole('button', { name: '新建' }).click();
    await waitForText(ctx.page.getByTestId('collection-notes'), (t) => t.includes('0'));
    await ctx.page.getByTestId('add-document').click();
    const editor = ctx.page.locator('.el-dialog textarea');
    await editor.fill(
      JSON.stringify({ title: '备忘', due: { $date: '2030-01-02T03:04:05.000Z' } }),
    );
    await ctx.page.getByTestId('save-document').click();
    // Shown in the console's one zone (UTC+8), to the millisecond, whatever the browser's zone.
    const row = await ctx.ui.waitForDocuments((t) => t.includes('备忘'));
    expect(row).toContain('2030-01-02 11:04:05.000');
    await waitForText(ctx.page.getByTestId('collection-notes'), (t) => t.includes('1'));

    await ctx.page.getByTestId('collection-notes').getByRole('button', { name: '删除' }).click();
    await ctx.page.locator('.el-message-box').getByRole('button', { name: '删除' }).click();
    await ctx.page.getByTestId('collection-notes').waitFor({ state: 'detached' });
    const names = (await ctx.emu.database.handle({
      action: 'database.getDocument',
      collectionName: 'notes',
      queryType: 'WHERE',
    })) as { code?: string };
    expect(names.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });

  test('Storage shows an uploaded avatar as an image preview', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = await fetch(`${ctx.emu.url}/storage/upload?cloudPath=avatars/e2e.png`, {
      method: 'PUT',
      headers: { 'x-wx-openid': 'oE2eStorageUser' },
      body: png,
    });
    expect(upload.status).toBe(200);
    await ctx.ui.tab('storage');
    const files = ctx.page.getByTestId('files');
    await waitForText(files, (t) => t.includes('avatars/e2e.png') && t.includes('oE2eStorageUser'));
    const image = files.locator('img').first();
    await image.waitFor();
    await waitUntil('the preview image has loaded', async () =>
      image.evaluate(
        (img: { complete: boolean; naturalWidth: number }) =>
          img.complete && img.naturalWidth === 1,
      ),
    );
    await snap(ctx.page, '07-storage');
  });

  test('a clean 1280x800 view of Data for the docs', async () => {
    const names = ['小明', '小红', 'Alice'];
    for (const [i, nickName] of names.entries()) {
      const who = `oDocsScreenshotUser00000000${i}`;
      const login = await ctx.emu.callFunction('login', {}, { openid: who });
      const token = (login.result as { data: { token: string } }).data.token;
      await ctx.emu.callFunction(
        'updateUserInfo',
        { token, profile: { nickName, country: '中国', province: '广东', city: '深圳' } },
        { openid: who },
      );
    }
    await ctx.ui.tab('functions');
    await ctx.ui.tab('data');
    await ctx.ui.openCollection('users');
    await ctx.ui.clearFilter();
    await ctx.ui.waitForDocuments((t) => names.every((n) => t.includes(n)));
    await ctx.page.mouse.move(0, 0);
    // No leftover toast ("已删除") in the picture.
    await ctx.page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10000 });
    const file = await snap(ctx.page, 'console-1280x800');
    // `UPDATE_SCREENSHOTS=1 npm run test:e2e` refreshes the committed picture.
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const target = path.resolve(__dirname, '../../docs/images/console.png');
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
  });

  test('a narrow window keeps every tab usable without page-wide horizontal scrolling', async () => {
    const users = (await ctx.emu.database.handle({
      action: 'database.calculateDocument',
      collectionName: 'users',
      queryType: 'WHERE',
    })) as {
      data: { total: number };
    };
    expect(users.data.total).toBeGreaterThan(0);
    const narrow = await openBrowser({ width: 390, height: 844 });
    try {
      for (const tab of ['data', 'functions', 'simulate', 'storage', 'tools'] as const) {
        await narrow.page.goto(`${ctx.emu.url}/#/${tab}`);
        await narrow.page.locator(`#tab-${tab}.is-active`).waitFor();
        if (tab === 'data') {
          await waitForText(narrow.page.getByTestId('pager'), (t) =>
            t.includes(`共 ${users.data.total} 条`),
          );
        } else {
          await narrow.page.waitForTimeout(300);
        }
        // A string expression: the test tsconfig has no DOM types (this runs in the page).
        const overflow = Number(
          await narrow.page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
        );
        expect({ tab, overflow }).toEqual({ tab, overflow: 0 });
        await snap(narrow.page, `narrow-${tab}`);
      }
    } finally {
      await narrow.close();
    }
  });
});
