/**
 * Message pushes: customer-service messages and platform events reach the function
 * message-push.json routes them to, in production's JSON push format, through `emu.pushes`
 * and `POST /api/pushes`.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';

const pushProject = path.resolve(__dirname, '../../fixtures/push-project');

interface ProbeResult {
  event: Record<string, unknown>;
  context: Record<string, unknown>;
}

describe('message pushes', () => {
  let emu: RunningEmulator;
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${emu.url}/api/pushes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    // A day ahead: CreateTime must follow the emulated clock, not the machine's.
    emu = await startEmulator({ project: pushProject, port: 0, clockOffsetMs: 86_400_000 });
  });
  afterAll(async () => {
    await emu.stop();
  });

  test('a customer-service text message arrives as production sends it, OPENID the sender', async () => {
    const sentAt = Math.floor(emu.clock.now() / 1000);
    const delivery = await emu.pushes.deliver({
      MsgType: 'text',
      FromUserName: 'o-user-1',
      Content: '你好',
    });
    expect(delivery.ok).toBe(true);
    expect(delivery.functionName).toBe('pushProbe');
    const { event, context } = delivery.result as ProbeResult;
    expect(event).toEqual({
      ToUserName: 'wx0000000000000000',
      FromUserName: 'o-user-1',
      CreateTime: expect.any(Number) as number,
      MsgType: 'text',
      Content: '你好',
      MsgId: expect.stringMatching(/^[0-9a-f]{32}_\d+$/),
    });
    // Emulated seconds (a day ahead of this machine), taken when the push was sent.
    expect(event.CreateTime).toBeGreaterThanOrEqual(sentAt);
    expect(event.CreateTime).toBeLessThanOrEqual(Math.floor(emu.clock.now() / 1000));
    expect(event.CreateTime).toBeGreaterThan(Date.now() / 1000 + 3600);
    expect(context).toMatchObject({ OPENID: 'o-user-1', SOURCE: 'wx_message_push' });
  });

  test('user_authorization_revoke over POST /api/pushes: from the platform, no OPENID', async () => {
    const reply = await post({
      MsgType: 'event',
      Event: 'user_authorization_revoke',
      OpenID: 'o-user-2',
      AppID: 'wx0000000000000000',
      RevokeInfo: '1',
    });
    expect(reply.status).toBe(200);
    const { event, context } = reply.body.result as ProbeResult;
    // The user is the event's OpenID; the sender is the platform's push account.
    expect(context.OPENID).toBeUndefined();
    expect(event).toMatchObject({
      FromUserName: 'o-platform-push-service',
      MsgType: 'event',
      Event: 'user_authorization_revoke',
      OpenID: 'o-user-2',
      RevokeInfo: '1',
    });
    expect(event.MsgId).toBeUndefined(); // events carry none
  });

  test('wxa_media_check reaches its function with the verdict', async () => {
    const delivery = await emu.pushes.deliver({
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'wx0000000000000000',
      trace_id: 'trace-1',
      version: 2,
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'risky', label: 20001 },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20001, prob: 90 }],
    });
    expect((delivery.result as ProbeResult).event).toMatchObject({
      Event: 'wxa_media_check',
      trace_id: 'trace-1',
      result: { suggest: 'risky', label: 20001 },
    });
  });

  test('GET /api/pushes lists the routes and what was delivered', async () => {
    const response = await fetch(`${emu.url}/api/pushes`);
    const body = (await response.json()) as { routes: unknown[]; deliveries: { seq: number }[] };
    expect(body.routes).toContainEqual({ msgType: 'text', event: '', function: 'pushProbe' });
    expect(body.deliveries.map((d) => d.seq)).toEqual([1, 2, 3]);
  });

  test('the 授权变更推送 card’s route builds the same event and context, for the function it names', async () => {
    const revoke = { MsgType: 'event', Event: 'user_authorization_revoke', OpenID: 'o-user-3' };
    const routed = await emu.pushes.deliver({ ...revoke, RevokeInfo: '6' });
    const response = await fetch(`${emu.url}/api/functions/other/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // message-push.json routes nothing to `other`: this route names the function itself.
      body: JSON.stringify({ data: { ...revoke, RevokeInfo: '6' } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, result: 'other' });
    const direct = emu.pushes.deliveries().at(-1);
    expect(direct?.functionName).toBe('other');
    // Same platform fields as a routed push (only CreateTime may tick over between the two).
    expect({ ...direct?.event, CreateTime: 0 }).toEqual({ ...routed.event, CreateTime: 0 });
    expect(direct?.event).toMatchObject({
      ToUserName: 'wx0000000000000000',
      FromUserName: 'o-platform-push-service',
      AppID: 'wx0000000000000000',
    });

    const probe = await fetch(`${emu.url}/api/functions/pushProbe/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { ...revoke, RevokeInfo: '8' } }),
    });
    const { result } = (await probe.json()) as { result: ProbeResult };
    // Issue 21: a platform push has no OPENID, no client SOURCE and no cross-account keys.
    expect(result.context.SOURCE).toBe('wx_message_push');
    for (const key of ['OPENID', 'FROM_OPENID', 'FROM_APPID', 'FROM_UNIONID'])
      expect(result.context[key]).toBeUndefined();
    // A push is passed as production sends it: no `userInfo` as a client call gets.
    expect(result.event.userInfo).toBeUndefined();
  });

  test('the card’s route refuses a push that lacks a required field, running nothing', async () => {
    const before = emu.pushes.deliveries().length;
    const response = await fetch(`${emu.url}/api/functions/pushProbe/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { MsgType: 'event', Event: 'user_authorization_revoke' } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(
      'OpenID is required',
    );
    expect(emu.pushes.deliveries()).toHaveLength(before);
  });

  test.each([
    [
      { MsgType: 'image', FromUserName: 'o', PicUrl: 'x', MediaId: 'm' },
      404,
      'no function receives <image> pushes: declare one in message-push.json',
    ],
    [
      { MsgType: 'event', Event: 'subscribe_msg_popup_event', FromUserName: 'o' },
      404,
      '<event, subscribe_msg_popup_event>',
    ],
    [{ MsgType: 'text', FromUserName: 'o' }, 400, 'Content is required in a text push'],
    [
      { MsgType: 'text', Content: 'x' },
      400,
      'FromUserName (the openid of the user who sent it) is required',
    ],
    [{ MsgType: 'event', FromUserName: 'o' }, 400, 'Event is required'],
    [
      { MsgType: 'event', Event: 'user_authorization_revoke', OpenID: 'o' },
      400,
      'RevokeInfo is required',
    ],
    [
      { MsgType: 'event', Event: 'wxa_media_check', FromUserName: 'o' },
      400,
      'trace_id is required',
    ],
  ])('%j is answered %d: %s', async (push, status, message) => {
    const reply = await post(push);
    expect(reply.status).toBe(status);
    expect(reply.body.message).toContain(message);
  });

  test('a web page elsewhere cannot fire a push (it would run functions as any openid)', async () => {
    const before = emu.pushes.deliveries().length;
    const reply = await post(
      { MsgType: 'text', FromUserName: 'o-victim', Content: 'x' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(reply.status).toBe(403);
    expect(emu.pushes.deliveries()).toHaveLength(before);
  });
});

describe('a message-push.json that cannot be used stops the start', () => {
  test.each([
    [
      { pushes: [{ msgType: 'text', function: 'missing' }] },
      'names function "missing", which the project does not have',
    ],
    [
      {
        pushes: [
          { msgType: 'text', function: 'other' },
          { msgType: 'text', function: 'pushProbe' },
        ],
      },
      '<text> is routed twice',
    ],
    [
      { pushes: [{ msgType: 'text', event: 'x', function: 'other' }] },
      '"event" goes with msgType "event"',
    ],
    [{ routes: [] }, 'must be {"pushes"'],
  ])('%j: %s', async (config, message) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wx-push-'));
    try {
      cpSync(pushProject, dir, { recursive: true });
      writeFileSync(path.join(dir, 'message-push.json'), JSON.stringify(config));
      await expect(startEmulator({ project: dir, port: 0 })).rejects.toThrow(`message-push.json: `);
      await expect(startEmulator({ project: dir, port: 0 })).rejects.toThrow(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
