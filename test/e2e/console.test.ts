/**
 * The console in a real Chromium against a real emulator (repo project, built functions):
 * a new user logs in through Simulate, shows up in Data, changes their nickname, loses their
 * session document, and checkSession then fails.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { openBrowser, snap, type Browser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { waitForText, waitUntil } from './support/wait';

describe('emulator console in Chromium', () => {
  let emu: RunningEmulator;
  let browser: Browser;
  let ui: ConsolePage;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    emu = await startEmulator({
      project: path.resolve(__dirname, '../..'),
      inMemory: true,
      port: 0,
    });
    browser = await openBrowser();
    browser.page.on('pageerror', (error) => pageErrors.push(error.message));
    ui = new ConsolePage(browser.page);
    await browser.page.goto(`${emu.url}/#/simulate`);
  });
  afterAll(async () => {
    await browser?.close();
    await emu?.stop();
  });

  test('simulate a login, see the user, edit the profile, end the session', async () => {
    const openid = await ui.newOpenid();

    // 1. login as a brand-new user: the token is kept for the next calls.
    const login = await ui.call();
    expect(login.result).toMatchObject({ ok: true, data: { isNewUser: true } });
    const token = (login.result as { data: { token: string } }).data.token;
    await waitForText(browser.page.getByTestId('token'), (t) => t.startsWith(token.slice(0, 16)));
    await snap(browser.page, '01-simulate-login');

    // 2. the user appears in Data.
    await ui.tab('data');
    await ui.openCollection('users');
    await ui.waitForDocuments((t) => t.includes(openid));
    await snap(browser.page, '02-user-in-data');

    // 3. change the nickname through updateUserInfo (the template already carries the token).
    await ui.tab('simulate');
    await ui.chooseFunction('updateUserInfo');
    expect(await ui.requestText()).toContain(token);
    await ui.setRequest({ token, profile: { nickName: '端到端测试' } });
    const updated = await ui.call();
    expect(updated.result).toMatchObject({ ok: true, data: { user: { nickName: '端到端测试' } } });

    // 4. the record changed (the view refreshes when the tab is shown again).
    await ui.tab('data');
    await ui.filter({ _openid: openid });
    const row = await ui.waitForDocuments((t) => t.includes('端到端测试'));
    expect(row).toContain(openid);
    await snap(browser.page, '03-nickname-in-data');

    // 5. delete the session document.
    await ui.openCollection('sessions');
    await ui.filter({ openid });
    await ui.waitForDocuments((t) => t.includes(openid));
    await ui.deleteFirstDocument();
    await ui.waitForDocuments((t) => !t.includes(openid));
    const left = await emu.database.handle({
      action: 'database.calculateDocument',
      collectionName: 'sessions',
      queryType: 'WHERE',
      query: JSON.stringify({ openid }),
    });
    expect(left).toMatchObject({ data: { total: 0 } });
    await snap(browser.page, '04-session-deleted');

    // 6. checkSession with the kept token now fails.
    await ui.tab('simulate');
    await ui.chooseFunction('checkSession');
    expect(await ui.requestText()).toContain(token);
    const check = await ui.call();
    expect(check.result).toMatchObject({ ok: false, error: { code: 'SESSION_INVALID' } });
    await snap(browser.page, '05-check-session-fails');

    // 7. every call is in the live log, newest first, with OPENID and outcome.
    await ui.tab('functions');
    const log = browser.page.getByTestId('invocations').locator('.el-table__body');
    const text = await waitForText(
      log,
      (t) => (t.match(new RegExp(openid, 'g')) ?? []).length >= 3,
    );
    expect(text.indexOf('checkSession')).toBeLessThan(text.indexOf('updateUserInfo'));
    expect(text).toContain('SESSION_INVALID');
    // Which Node ran each call: the exact runtime of cloudbaserc.json (Nodejs18.15).
    expect(text).toContain('v18.15.0');
    await log.locator('.el-table__expand-icon').first().click();
    await waitForText(browser.page.locator('.el-table__expanded-cell').first(), (t) =>
      t.includes('"token"'),
    );
    await snap(browser.page, '06-invocation-log');

    // 8. live: a call made elsewhere (here: over HTTP, as a mini program would) shows up without
    //    a reload, pushed over the event stream.
    await waitForText(browser.page.getByTestId('live'), (t) => t.includes('实时连接'));
    await emu.callFunction('logout', { token, scope: 'all' }, { openid: 'oSomeoneElse' });
    await waitForText(log, (t) => t.includes('oSomeoneElse') && t.includes('logout'));

    expect(pageErrors).toEqual([]);
  });

  test('create a collection, add a document with a date, see it readable, drop the collection', async () => {
    await ui.tab('data');
    await browser.page.getByTestId('new-collection').fill('notes');
    await browser.page.getByRole('button', { name: '新建' }).click();
    await waitForText(browser.page.getByTestId('collection-notes'), (t) => t.includes('0'));
    await browser.page.getByTestId('add-document').click();
    const editor = browser.page.locator('.el-dialog textarea');
    await editor.fill(
      JSON.stringify({ title: '备忘', due: { $date: '2030-01-02T03:04:05.000Z' } }),
    );
    await browser.page.getByTestId('save-document').click();
    // Shown in the browser's time zone, to the millisecond: the test computes the same text.
    const due = new Date('2030-01-02T03:04:05.000Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())} ${pad(due.getHours())}:${pad(due.getMinutes())}:05.000`;
    const row = await ui.waitForDocuments((t) => t.includes('备忘'));
    expect(row).toContain(local);
    await waitForText(browser.page.getByTestId('collection-notes'), (t) => t.includes('1'));

    await browser.page
      .getByTestId('collection-notes')
      .getByRole('button', { name: '删除' })
      .click();
    await browser.page.locator('.el-message-box').getByRole('button', { name: '删除' }).click();
    await browser.page.getByTestId('collection-notes').waitFor({ state: 'detached' });
    const names = (await emu.database.handle({
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
    const upload = await fetch(`${emu.url}/storage/upload?cloudPath=avatars/e2e.png`, {
      method: 'PUT',
      headers: { 'x-wx-openid': 'oE2eStorageUser' },
      body: png,
    });
    expect(upload.status).toBe(200);
    await ui.tab('storage');
    const files = browser.page.getByTestId('files');
    await waitForText(files, (t) => t.includes('avatars/e2e.png') && t.includes('oE2eStorageUser'));
    const image = files.locator('img').first();
    await image.waitFor();
    await waitUntil('the preview image has loaded', async () =>
      image.evaluate(
        (img: { complete: boolean; naturalWidth: number }) =>
          img.complete && img.naturalWidth === 1,
      ),
    );
    await snap(browser.page, '07-storage');
  });

  test('a clean 1280x800 view of Data for the docs', async () => {
    const names = ['小明', '小红', 'Alice'];
    for (const [i, nickName] of names.entries()) {
      const who = `oDocsScreenshotUser00000000${i}`;
      const login = await emu.callFunction('login', {}, { openid: who });
      const token = (login.result as { data: { token: string } }).data.token;
      await emu.callFunction(
        'updateUserInfo',
        { token, profile: { nickName, country: '中国', province: '广东', city: '深圳' } },
        { openid: who },
      );
    }
    await ui.tab('functions');
    await ui.tab('data');
    await ui.openCollection('users');
    await ui.clearFilter();
    await ui.waitForDocuments((t) => names.every((n) => t.includes(n)));
    await browser.page.mouse.move(0, 0);
    // No leftover toast ("已删除") in the picture.
    await browser.page
      .locator('.el-message')
      .first()
      .waitFor({ state: 'detached', timeout: 10000 });
    const file = await snap(browser.page, 'console-1280x800');
    // `UPDATE_SCREENSHOTS=1 npm run test:e2e` refreshes the committed picture.
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const target = path.resolve(__dirname, '../../docs/images/console.png');
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
  });

  test('a narrow window keeps every tab usable without page-wide horizontal scrolling', async () => {
    const users = (await emu.database.handle({
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
        await narrow.page.goto(`${emu.url}/#/${tab}`);
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
