/**
 * The Simulate tab issues a test phone code (the getPhoneNumber button's stand-in) for the
 * simulated user and feeds it to bindPhoneNumber, in a real Chromium against a real emulator.
 */
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { openBrowser, snap, type Browser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { waitForText, waitUntil } from './support/wait';

describe('Simulate: phone codes', () => {
  let emu: RunningEmulator;
  let browser: Browser;
  let ui: ConsolePage;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    emu = await startEmulator({ project: path.resolve(__dirname, '../..'), inMemory: true });
    browser = await openBrowser();
    browser.page.on('pageerror', (error) => pageErrors.push(error.message));
    ui = new ConsolePage(browser.page);
    await browser.page.goto(`${emu.url}/#/simulate`);
  });
  afterAll(async () => {
    await browser?.close();
    await emu?.stop();
  });

  test('issue a code for the simulated user, bind the number, the same code again is refused', async () => {
    const page = browser.page;
    await ui.newOpenid();
    expect((await ui.call()).result).toMatchObject({ ok: true });

    await page.getByTestId('phone-number').fill('13912345678');
    await page.getByTestId('issue-phone-code').click();
    const code = await waitForText(page.getByTestId('phone-code'), (t) => /^[0-9a-f]{64}$/.test(t));
    await page.getByTestId('use-phone-code').click();
    await waitUntil('the code in the request', async () => (await ui.requestText()).includes(code));
    const bound = await ui.call();
    expect(bound.result).toMatchObject({
      ok: true,
      data: { user: { phone: { countryCode: '86', number: '13912345678' } } },
    });
    await snap(page, 'phone-code-bound');

    const again = await ui.call();
    expect(again.result).toMatchObject({ ok: false, error: { code: 'PHONE_CODE_INVALID' } });
    expect(emu.openapi.stats()['phonenumber.getPhoneNumber']).toMatchObject({
      calls: 2,
      succeeded: 1,
    });
    expect(pageErrors).toEqual([]);
  });
});
