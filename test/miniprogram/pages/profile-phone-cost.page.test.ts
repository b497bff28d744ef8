/**
 * @jest-environment jsdom
 *
 * What the phone row does about cost (issue 26, item 2), rendered from its real WXML against the
 * real bindPhoneNumber in the emulator. WeChat bills when the button's success callback fires,
 * whether or not the server uses the code, so the only cap on cost is a button that cannot be
 * tapped: disabled until the server's retryAfter (remembered across launches), a confirmation
 * before 更换, hidden when the server switched binding off, absent below base library 2.21.2.
 */
import { request } from 'node:http';
import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { newOpenid } from '../support/counting-cloud';
import { renderPage, type RenderedPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('profile', 'phone-cost');

/** POST /api/phone-codes: a code as the getPhoneNumber button would hand it to this user. */
function issueCode(phoneNumber: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${suite.emulator.url}/api/phone-codes`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve((JSON.parse(text) as { code: string }).code));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ openid: suite.bridge.openid, phoneNumber }));
  });
}

type Row = NonNullable<ReturnType<RenderedPage['querySelector']>>;
const text = (row: Row, selector: string) => {
  const found = row.querySelector(selector);
  return found ? (found.dom?.textContent ?? '').trim() : null;
};
/** The `disabled` the WXML bound on a built-in button (the jsdom node carries no attributes). */
const disabled = (row: Row, selector: string) => {
  const found = row.querySelector(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  const { attrs } = found.toJSON() as { attrs: Array<{ name: string; value: unknown }> };
  return attrs.find((attr) => attr.name === 'disabled')?.value === true;
};

async function login(): Promise<void> {
  suite.bridge.openid = newOpenid('phone-cost');
  suite.wx.storage.clear();
  installSession();
  await appSession().ensureLogin();
}

function openRow(): Row {
  suite.wx.cloud.reset();
  suite.wx.calls.splice(0);
  const row = renderPage(suite.pageId).querySelector('.phone-section');
  if (!row) throw new Error('the profile page has no phone row');
  return row;
}

/** Binds through the function directly, as earlier taps would have. */
async function bindDirectly(phoneNumber: string): Promise<void> {
  const code = await issueCode(phoneNumber);
  const { user } = await appSession().callAuthenticated('bindPhoneNumber', { code });
  appSession().setUser(user);
}

test("RATE_LIMITED keeps the server's retryAfter: the button is disabled until then, also after a relaunch", async () => {
  await login();
  for (let i = 0; i < 5; i += 1) await bindDirectly(`1390000010${i}`); // the daily limit (5)
  const row = openRow();
  row.querySelector('.phone-replace')!.dispatchEvent('tap');
  await waitFor(
    () =>
      row.querySelector('.phone-bind') !== undefined && row.querySelector('.phone-bind') !== null,
    'the button for a new number',
  );
  row.querySelector('.phone-bind')!.dispatchEvent('getphonenumber', {
    detail: { code: await issueCode('13900000109') },
  });
  await waitFor(() => text(row, '.phone-wait') !== null, 'the wait notice');
  expect(text(row, '.phone-wait')).toMatch(
    /^获取手机号次数已达上限，请在 (明天 |\d+月\d+日 )?\d{1,2}:\d{2} 后再试$/,
  );
  expect(disabled(row, '.phone-bind')).toBe(true);
  const retryAt = suite.wx.storage.get('wx-cloud-login:phone-retry-at') as number;
  expect(retryAt).toBeGreaterThan(Date.now() + 60 * 60_000); // hours away, as the server said

  installSession(); // killed and reopened: still disabled, no call needed to know it
  const reopened = openRow();
  expect(disabled(reopened, '.phone-replace')).toBe(true);
  expect(text(reopened, '.phone-wait')).toMatch(/后再试$/);

  suite.wx.storage.set('wx-cloud-login:phone-retry-at', Date.now() - 1); // the time has come
  expect(disabled(openRow(), '.phone-replace')).toBe(false);
});

test('更换 asks first; only after 确定 does the billed button appear', async () => {
  await login();
  await bindDirectly('13900000201');
  const row = openRow();
  expect(text(row, '.phone-number')).toBe('139****0201');
  expect(row.querySelector('.phone-bind')).toBeFalsy(); // no billed button next to a bound number
  suite.wx.modalConfirms = false;
  row.querySelector('.phone-replace')!.dispatchEvent('tap');
  await waitFor(() => suite.wx.callsOf('showModal').length === 1, 'the confirmation');
  expect(row.querySelector('.phone-bind')).toBeFalsy();
  suite.wx.modalConfirms = true;
  row.querySelector('.phone-replace')!.dispatchEvent('tap');
  await waitFor(() => Boolean(row.querySelector('.phone-bind')), 'the button for a new number');
  expect(text(row, '.phone-bind')).toBe('选择新号码');
  expect(suite.wx.cloud.calls).toEqual([]);
});

test('binding switched off on the server (features.phoneBinding false): no phone row at all', async () => {
  await login();
  const key = 'wx-cloud-login:session';
  const stored = suite.wx.storage.get(key) as object;
  suite.wx.storage.set(key, { ...stored, features: { phoneBinding: false } });
  installSession(); // what the launch check would have stored
  const row = openRow();
  expect(row.querySelector('.phone-binding')).toBeFalsy();
});

test.each([
  ['2.21.1', false],
  ['2.21.2', true],
  ['2.9.0', false],
  ['2.100.0', true],
])('base library %s: the code-based button is offered: %s', async (version, offered) => {
  await login();
  suite.wx.sdkVersion = version; // canIUse('button.open-type.getPhoneNumber') stays true (1.2.0+)
  const row = openRow();
  suite.wx.sdkVersion = '3.4.0';
  expect(Boolean(row.querySelector('.phone-bind'))).toBe(offered);
  expect(text(row, '.phone-notice') !== null).toBe(!offered);
});
