/**
 * subscribeMessage.send and customerServiceMessage.send through the real wx-server-sdk: the
 * acceptance quota (43101), production's errcodes for bad recipients, templates and values,
 * the 48-hour customer-service window on the emulator clock (45015), and the outbox over
 * HTTP and `emu.messages`.
 */
import {
  CUSTOMER_SERVICE_WINDOW_MS,
  createRequestSubscribeMessage,
  createWxCloud,
} from '../../../emulator/src';
import { useOpenapiEmulator } from './support';

const suite = useOpenapiEmulator();
const SEND = 'subscribeMessage.send';
const ready = (openid: string, over: Record<string, unknown> = {}) => ({
  touser: openid,
  templateId: 'tmpl-order-ready',
  page: 'pages/order/detail?id=42',
  data: {
    thing1: { value: '豆浆油条套餐' },
    characterString2: { value: 'A-042' },
    time3: { value: '2026年12月07日 08:30' },
    amount4: { value: '¥12.50' },
  },
  ...over,
});

describe('subscribeMessage.send', () => {
  test('one acceptance gives one send; the second send is 43101 and only the first lands in the outbox', async () => {
    const before = await suite.call('granted', SEND, ready('o-sub-1'));
    expect(before).toMatchObject({ ok: false, errCode: 43101 });
    expect(before.errMsg).toMatch(
      /^openapi\.subscribeMessage\.send:fail user refuse to accept the msg/,
    );

    const accepted = await suite.http('POST', '/api/subscriptions', {
      openid: 'o-sub-1',
      templateIds: ['tmpl-order-ready'],
    });
    expect(accepted).toEqual({
      status: 200,
      body: { result: { 'tmpl-order-ready': 'accept' }, left: { 'tmpl-order-ready': 1 } },
    });
    const sent = await suite.call('granted', SEND, ready('o-sub-1'));
    expect(sent).toEqual({
      ok: true,
      result: { errMsg: 'openapi.subscribeMessage.send:ok', errCode: 0 },
    });
    expect((await suite.call('granted', SEND, ready('o-sub-1'))).errCode).toBe(43101);

    const { body } = await suite.http('GET', '/api/messages?touser=o-sub-1');
    expect(body.messages).toEqual([
      {
        id: expect.any(String),
        kind: 'subscribe',
        touser: 'o-sub-1',
        sentAt: expect.any(Number),
        functionName: 'granted',
        templateId: 'tmpl-order-ready',
        title: '取餐提醒',
        page: 'pages/order/detail?id=42',
        miniprogramState: 'formal',
        lang: 'zh_CN',
        fields: [
          { key: 'thing1', name: '商品名称', value: '豆浆油条套餐' },
          { key: 'character_string2', name: '取餐号', value: 'A-042' },
          { key: 'time3', name: '下单时间', value: '2026年12月07日 08:30' },
          { key: 'amount4', name: '金额', value: '¥12.50' },
        ],
      },
    ]);
    expect(suite.emu().messages.list({ touser: 'o-sub-1' })).toEqual(body.messages);
  });

  test("the emulated client's wx.requestSubscribeMessage accepts for its user, as tapping 允许 does", async () => {
    const cloud = createWxCloud({ url: suite.emu().url, openid: 'o-sub-client' });
    const requestSubscribeMessage = createRequestSubscribeMessage({
      url: suite.emu().url,
      openid: () => cloud.openid,
    });
    expect(await requestSubscribeMessage({ tmplIds: ['tmpl-order-ready'] })).toEqual({
      'tmpl-order-ready': 'accept',
      errMsg: 'requestSubscribeMessage:ok',
    });
    expect((await suite.call('granted', SEND, ready('o-sub-client'))).ok).toBe(true);
    await expect(requestSubscribeMessage({ tmplIds: ['tmpl-nope'] })).rejects.toMatchObject({
      errCode: 20001,
    });
  });

  test('two acceptances give two sends; a long-term template keeps sending once accepted', async () => {
    const { messages } = suite.emu();
    messages.accept('o-sub-2', ['tmpl-order-ready']);
    expect(messages.accept('o-sub-2', ['tmpl-order-ready']).left).toEqual({
      'tmpl-order-ready': 2,
    });
    expect((await suite.call('granted', SEND, ready('o-sub-2'))).ok).toBe(true);
    expect((await suite.call('granted', SEND, ready('o-sub-2'))).ok).toBe(true);
    expect((await suite.call('granted', SEND, ready('o-sub-2'))).errCode).toBe(43101);

    expect(messages.accept('o-sub-2', ['tmpl-service-notice']).left).toEqual({
      'tmpl-service-notice': null,
    });
    const notice = {
      touser: 'o-sub-2',
      templateId: 'tmpl-service-notice',
      data: { phrase1: { value: '已完成' } },
    };
    for (let i = 0; i < 3; i++) expect((await suite.call('granted', SEND, notice)).ok).toBe(true);
  });

  test.each([
    ['an unknown template', { templateId: 'tmpl-nope' }, 40037],
    ['a bad openid', { touser: 'not an openid!' }, 40003],
    ['a field the template lacks', { data: { thing9: { value: 'x' } } }, 47003],
    [
      'a thing over 20 characters',
      { data: { thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } } },
      47003,
    ],
    ['a time that is not a time', { data: { time3: { value: '明天早上' } } }, 47003],
    ['an amount with letters', { data: { amount4: { value: '12 yuan' } } }, 47003],
    ['an empty value', { data: { thing1: { value: '' } } }, 47003],
    ['an unknown miniprogram_state', { miniprogramState: 'beta' }, 47003],
    ['an unknown lang', { lang: 'fr_FR' }, 47003],
  ])('%s fails with %p and does not use the acceptance', async (_name, over, errCode) => {
    const openid = 'o-sub-bad';
    suite.emu().messages.accept(openid, ['tmpl-order-ready']);
    const out = await suite.call('granted', SEND, ready(openid, over));
    expect(out).toMatchObject({ ok: false, errCode });
    // The acceptance is still there for a good send.
    expect((await suite.call('granted', SEND, ready(openid))).ok).toBe(true);
  });

  test('without the permission in config.json the send is -604101 and nothing is sent', async () => {
    suite.emu().messages.accept('o-sub-3', ['tmpl-order-ready']);
    const out = await suite.call('denied', SEND, ready('o-sub-3'));
    expect(out).toMatchObject({ ok: false, errCode: -604101 });
    expect(suite.emu().messages.list({ touser: 'o-sub-3' })).toEqual([]);
  });

  test('accepting an undeclared template is refused like production (20001), with 400', async () => {
    const res = await suite.http('POST', '/api/subscriptions', {
      openid: 'o-x',
      templateIds: ['tmpl-nope'],
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('20001');
    expect(
      (await suite.http('POST', '/api/subscriptions', { openid: 'o-x', templateIds: [] })).status,
    ).toBe(400);
  });
});

describe('customerServiceMessage.send', () => {
  const text = (touser: string) => ({
    touser,
    msgtype: 'text',
    text: { content: '您的早餐已备好' },
  });
  const CS = 'customerServiceMessage.send';

  test('a user who never wrote cannot be messaged (45015)', async () => {
    const out = await suite.call('granted', CS, text('o-cs-1'));
    expect(out).toMatchObject({ ok: false, errCode: 45015 });
  });

  test('within 48 h of the user writing a reply is sent; 48 h later by the emulator clock it is 45015', async () => {
    const emu = suite.emu();
    const before = emu.clock.now();
    const { status, body } = await suite.http('POST', '/api/customer-service/inbound', {
      openid: 'o-cs-2',
    });
    expect(status).toBe(200);
    expect(body.windowEnd).toBeGreaterThanOrEqual(before + CUSTOMER_SERVICE_WINDOW_MS);
    expect(body.windowEnd).toBeLessThanOrEqual(emu.clock.now() + CUSTOMER_SERVICE_WINDOW_MS);
    expect((await suite.call('granted', CS, text('o-cs-2'))).ok).toBe(true);
    emu.clock.advance(CUSTOMER_SERVICE_WINDOW_MS - 60_000);
    expect((await suite.call('granted', CS, text('o-cs-2'))).ok).toBe(true);
    emu.clock.advance(60_000);
    expect(await suite.call('granted', CS, text('o-cs-2'))).toMatchObject({
      ok: false,
      errCode: 45015,
    });

    const sent = emu.messages.list({ touser: 'o-cs-2', kind: 'customerService' });
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({
      msgtype: 'text',
      body: { content: '您的早餐已备好' },
      functionName: 'granted',
    });
  });

  test('an unknown msgtype is 40008, a missing body field 47001, a bad touser 40003', async () => {
    suite.emu().messages.userMessaged('o-cs-3');
    expect((await suite.call('granted', CS, { touser: 'o-cs-3', msgtype: 'video' })).errCode).toBe(
      40008,
    );
    expect(
      (await suite.call('granted', CS, { touser: 'o-cs-3', msgtype: 'text', text: {} })).errCode,
    ).toBe(47001);
    const badUser = { touser: 'bad openid!', msgtype: 'text', text: { content: 'x' } };
    expect((await suite.call('granted', CS, badUser)).errCode).toBe(40003);
  });
});

describe('the outbox over HTTP', () => {
  test('filters by kind, refuses a bad filter, refuses other sites, and empties', async () => {
    expect((await suite.http('GET', '/api/messages?kind=email')).status).toBe(400);
    const cross = await fetch(`${suite.emu().url}/api/messages`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    const subscribe = await suite.http('GET', '/api/messages?kind=subscribe');
    expect(
      (subscribe.body.messages as { kind: string }[]).every((m) => m.kind === 'subscribe'),
    ).toBe(true);
    expect((await suite.http('DELETE', '/api/messages')).status).toBe(200);
    expect(suite.emu().messages.list()).toEqual([]);
  });
});
