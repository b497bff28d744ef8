/**
 * Open data by cloud ID through the real wx-server-sdk: `cloud.getOpenData` and a top-level
 * wx.cloud.CloudID value in the call's data, with production's -601005/-601006/-601007; and the
 * JSON `wx.api` path (`cloud.callOpenAPI`), which answers a named "not emulated" error.
 */
import { CLOUD_ID_TTL_MS, createWxCloud } from '../../../emulator/src';
import { useOpenapiEmulator } from './support';

const suite = useOpenapiEmulator();
const steps = { stepInfoList: [{ step: 9103, timestamp: 1571673600 }] };

async function issue(openid: string, data: unknown = steps) {
  const res = await suite.http('POST', '/api/cloud-ids', { openid, data });
  expect(res.status).toBe(200);
  return res.body as { cloudID: string; expiresAt: number };
}

describe('cloud.getOpenData', () => {
  test("the caller's cloud ID resolves to { cloudID, data } with a watermark", async () => {
    const { cloudID } = await issue('o-alice');
    const out = await suite.run('granted', { openData: [cloudID] });
    expect(out).toEqual({
      ok: true,
      result: {
        list: [
          {
            cloudID,
            data: {
              ...steps,
              watermark: { appid: expect.any(String), timestamp: expect.any(Number) },
            },
          },
        ],
        errMsg: 'getOpenData:ok',
        errCode: 0,
      },
    });
  });

  test("an unknown cloud ID is -601005, another user's -601007, an expired one -601006", async () => {
    expect(await suite.run('granted', { openData: ['27_nope'] })).toMatchObject({
      ok: false,
      errCode: -601005,
    });
    const bobs = await issue('o-bob');
    expect(await suite.run('granted', { openData: [bobs.cloudID] })).toMatchObject({
      ok: false,
      errCode: -601007,
    });
    const mine = await issue('o-alice');
    suite.emu().clock.advance(CLOUD_ID_TTL_MS);
    expect(await suite.run('granted', { openData: [mine.cloudID] })).toMatchObject({
      ok: false,
      errCode: -601006,
    });
  });

  test('another site cannot mint cloud IDs or acceptances (they stand for a user)', async () => {
    for (const [route, body] of [
      ['/api/cloud-ids', { openid: 'o-alice', data: steps }],
      ['/api/subscriptions', { openid: 'o-alice', templateIds: ['tmpl-order-ready'] }],
      ['/api/customer-service/inbound', { openid: 'o-alice' }],
    ] as const) {
      const res = await fetch(`${suite.emu().url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify(body),
      });
      expect([route, res.status]).toEqual([route, 403]);
    }
  });

  test('the issuing route names bad input', async () => {
    const bad = await suite.http('POST', '/api/cloud-ids', { openid: 'o-alice', data: [1] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('data');
  });
});

describe('wx.cloud.CloudID in callFunction data', () => {
  test('a top-level { cloudID } of the caller arrives as { cloudID, data }; nested ones and others stay as sent', async () => {
    const { cloudID } = emuIssue('o-alice');
    const bobs = emuIssue('o-bob');
    const out = await suite.run('granted', {
      echo: true,
      weRunData: { cloudID },
      notMine: { cloudID: bobs.cloudID },
      obj: { shareInfo: { cloudID } },
    });
    const event = out.event as Record<string, unknown>;
    expect(event.weRunData).toEqual({ cloudID, data: expect.objectContaining(steps) });
    expect(event.notMine).toEqual({ cloudID: bobs.cloudID });
    expect(event.obj).toEqual({ shareInfo: { cloudID } });
  });

  test('the emulated client marks a value with wx.cloud.CloudID and the function gets the data', async () => {
    const cloud = createWxCloud({ url: suite.emu().url, openid: 'o-alice' });
    const { cloudID } = emuIssue('o-alice');
    const reply = await cloud.callFunction({
      name: 'granted',
      data: { echo: true, weRunData: cloud.CloudID(cloudID) },
    });
    const event = (reply.result as { event: Record<string, unknown> }).event;
    expect(event.weRunData).toEqual({ cloudID, data: expect.objectContaining(steps) });
  });

  function emuIssue(openid: string) {
    return suite.emu().openapi.openData.issue({ openid, data: steps });
  }
});

describe('calls that are not emulated', () => {
  test('cloud.callOpenAPI (the JSON wx.api action) names itself instead of "unknown action"', async () => {
    const out = await suite.run('granted', { callOpenAPI: 'wxa.getPaidUnionid', data: {} });
    expect(out.ok).toBe(false);
    // wx-server-sdk's SYS_ERR for this path is -1 (the database path maps it to -501001).
    expect(out.errCode).toBe(-1);
    expect(out.errMsg).toContain(
      'wx.api (wxa.getPaidUnionid) is not emulated by the local emulator',
    );
  });

  test('a granted openapi the emulator does not answer names itself', async () => {
    const out = await suite.call('granted', 'urlscheme.generate', {});
    expect(out).toMatchObject({ ok: false, errCode: -1 });
    expect(out.errMsg).toContain('urlscheme.generate is not emulated');
  });
});
