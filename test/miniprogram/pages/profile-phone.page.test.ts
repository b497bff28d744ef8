/**
 * @jest-environment jsdom
 *
 * The profile page's phone row (components/phone-binding) rendered from its real WXML, bound to
 * the real bindPhoneNumber / unbindPhoneNumber in the emulator with codes the emulator issues.
 * Only wx.* (the WeChat client) is stubbed; the button's event is what WeChat would fire.
 */
import { request } from 'node:http';
import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { newOpenid } from '../support/counting-cloud';
import { renderPage, type RenderedPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('profile', 'phone');

/** POST /api/phone-codes: a code as the getPhoneNumber button would hand it to this user. */
function issueCode(phoneNumber: string, openid = suite.bridge.openid): Promise<string> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ openid, phoneNumber });
    const req = request(
      `${suite.emulator.url}/api/phone-codes`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          const parsed = JSON.parse(text) as { code?: string };
          if (parsed.code) resolve(parsed.code);
          else reject(new Error(`no code: ${text}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

type PhoneRow = NonNullable<ReturnType<RenderedPage['querySelector']>>;

async function openProfile(): Promise<{ page: RenderedPage; row: PhoneRow }> {
  suite.bridge.openid = newOpenid('phone');
  suite.wx.storage.clear();
  installSession();
  await appSession().ensureLogin();
  suite.wx.cloud.reset();
  suite.wx.calls.splice(0);
  const page = renderPage(suite.pageId);
  const row = page.querySelector('.phone-section');
  if (!row) throw new Error('the profile page has no phone row');
  return { page, row };
}

const text = (row: PhoneRow, selector: string) => {
  const found = row.querySelector(selector);
  return found ? (found.dom?.textContent ?? '').trim() : null;
};
const tapPhoneButton = (row: PhoneRow, detail: object) =>
  row.querySelector('.phone-bind')!.dispatchEvent('getphonenumber', { detail });
const rowData = (row: PhoneRow) => row.instance.data as { busy: boolean; message: string };

describe('profile page: phone number', () => {
  test('an emulator-issued code binds the number; the page shows it masked; taps in flight do nothing', async () => {
    const { row } = await openProfile();
    expect(text(row, '.phone-none')).toBe('未绑定');
    const code = await issueCode('13800138000');
    tapPhoneButton(row, { code, errMsg: 'getPhoneNumber:ok' });
    tapPhoneButton(row, { code, errMsg: 'getPhoneNumber:ok' });
    tapPhoneButton(row, { code, errMsg: 'getPhoneNumber:ok' });
    await waitFor(() => text(row, '.phone-number') !== null, 'the bound number');
    expect(text(row, '.phone-number')).toBe('138****8000');
    expect(suite.wx.cloud.calls).toEqual(['bindPhoneNumber']);
    expect(rowData(row).message).toBe('');
    // The phone keeps the masked number only (nothing to read out of storage).
    expect(appSession().getSnapshot().session?.user.phone).toMatchObject({ number: '138****8000' });
    expect(suite.wx.openLoadings()).toBe(0);
  });

  test('the user refusing is quiet: no call, no message', async () => {
    const { row } = await openProfile();
    tapPhoneButton(row, { errMsg: 'getPhoneNumber:fail no permission' });
    await waitFor(() => text(row, '.phone-message') !== null, 'a message');
    // A refusal after a failure clears the message and says nothing new.
    tapPhoneButton(row, { errMsg: 'getPhoneNumber:fail user deny' });
    await waitFor(() => text(row, '.phone-message') === null, 'the message to go');
    expect(suite.wx.cloud.calls).toEqual([]);
  });

  test.each([
    ['getPhoneNumber:fail api scope is not declared in the privacy agreement', /隐私/],
    ['getPhoneNumber:fail no permission', /暂不支持获取手机号/],
    ['getPhoneNumber:fail system error', /暂时无法获取手机号/],
  ])('%s: a Chinese message, no call, the page keeps working', async (errMsg, expected) => {
    const { row } = await openProfile();
    tapPhoneButton(row, { errMsg });
    await waitFor(() => text(row, '.phone-message') !== null, 'the message');
    expect(text(row, '.phone-message')).toMatch(expected);
    expect(suite.wx.cloud.calls).toEqual([]);
  });

  test("a used code and another user's number show the server's Chinese message", async () => {
    const { row } = await openProfile();
    const code = await issueCode('13900000021');
    tapPhoneButton(row, { code });
    await waitFor(() => text(row, '.phone-number') !== null, 'the bound number');
    row.querySelector('.phone-replace')!.dispatchEvent('tap'); // 更换, confirmed
    await waitFor(() => Boolean(row.querySelector('.phone-bind')), 'the button for a new number');
    tapPhoneButton(row, { code });
    await waitFor(() => text(row, '.phone-message') !== null, 'the message');
    expect(text(row, '.phone-message')).toBe('手机号授权已失效，请重新获取');

    const { row: other } = await openProfile();
    tapPhoneButton(other, { code: await issueCode('13900000021') });
    await waitFor(() => text(other, '.phone-message') !== null, 'the message');
    expect(text(other, '.phone-message')).toBe('该手机号已绑定其他账号');
    expect(text(other, '.phone-none')).toBe('未绑定');
  });

  test('unbind asks first, then frees the number', async () => {
    const { row } = await openProfile();
    tapPhoneButton(row, { code: await issueCode('13900000022') });
    await waitFor(() => text(row, '.phone-unbind') !== null, 'the unbind button');
    suite.wx.modalConfirms = false;
    row.querySelector('.phone-unbind')!.dispatchEvent('tap');
    await waitFor(() => suite.wx.callsOf('showModal').length === 1, 'the confirmation');
    expect(suite.wx.cloud.calls).toEqual(['bindPhoneNumber']);
    suite.wx.modalConfirms = true;
    row.querySelector('.phone-unbind')!.dispatchEvent('tap');
    await waitFor(() => text(row, '.phone-none') !== null, 'the unbound row');
    expect(suite.wx.cloud.calls).toEqual(['bindPhoneNumber', 'unbindPhoneNumber']);
    expect(appSession().getSnapshot().session?.user.phone).toBeNull();
  });

  test('a base library without the code flow (< 2.21.2) shows a notice instead of the button', async () => {
    // canIUse('button.open-type.getPhoneNumber') is true since 1.2.0: the version decides.
    suite.wx.sdkVersion = '2.21.1';
    const { row } = await openProfile();
    suite.wx.sdkVersion = '3.4.0';
    expect(row.querySelector('.phone-bind')).toBeFalsy();
    expect(text(row, '.phone-notice')).toMatch(/版本过低/);
  });
});
