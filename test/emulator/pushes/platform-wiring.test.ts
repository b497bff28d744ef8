/**
 * Where the cloud calls meet the message pushes (startEmulator's composition root), through the
 * real wx-server-sdk on a project that routes both in message-push.json:
 * - security.mediaCheckAsync's verdict reaches the function routed `wxa_media_check`, in
 *   production's v2 and v1 push shapes, as a platform event (no OPENID, no FROM_* keys);
 * - a user's customer-service `text` push opens the 48-hour window in which
 *   customerServiceMessage.send may answer that user (45015 after it, by the emulator clock).
 */
import path from 'node:path';
import {
  CUSTOMER_SERVICE_WINDOW_MS,
  MSG_SEC_CHECK_RISKY_WORD,
  startEmulator,
  type RunningEmulator,
} from '../../../emulator/src';
import { nextInvocation } from '../clock/support';
import { buildEmulator } from '../host/support';

const project = path.resolve(__dirname, '../../fixtures/platform-push-project');
/**
 * Bounds the wait for an asynchronous push. It arrives in about a second when wired; the bound
 * leaves room for two cold starts on a loaded machine, and each test gets longer still.
 */
const PUSH_WAIT_MS = 45_000;
const TEST_TIMEOUT_MS = 60_000;

interface Received {
  event: Record<string, unknown>;
  context: Record<string, unknown>;
}

describe('platform pushes wired to the cloud calls', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    buildEmulator();
    emu = await startEmulator({ project, inMemory: true, port: 0, logger: 'silent' });
  });
  afterAll(async () => {
    await emu?.stop();
  });

  async function call(name: string, data: unknown, openid: string): Promise<unknown> {
    const reply = await emu.callFunction(name, data, { openid });
    if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.body)}`);
    return reply.result;
  }

  /** Submits a media check and resolves with its trace id and what onMediaCheck then received. */
  async function checkMedia(data: Record<string, unknown>): Promise<[string, Received]> {
    const received = nextInvocation(emu, (e) => e.functionName === 'onMediaCheck', PUSH_WAIT_MS);
    const { traceId } = (await call('checkMedia', data, 'o-uploader')) as { traceId: string };
    const invocation = await received;
    expect(invocation.ok).toBe(true);
    return [traceId, invocation.result as Received];
  }

  /** A platform event: SOURCE is the push's, and no user or cross-account key is set. */
  function expectPlatformContext(context: Record<string, unknown>): void {
    expect(context.SOURCE).toBe('wx_message_push');
    expect(context.OPENID).toBeUndefined();
    for (const key of ['FROM_OPENID', 'FROM_APPID', 'FROM_UNIONID'])
      expect(context[key]).toBeUndefined();
  }

  test(
    'a v2 check: the verdict arrives in production v2 shape, from the platform',
    async () => {
      const [traceId, { event, context }] = await checkMedia({
        mediaUrl: `https://example.com/${encodeURIComponent(MSG_SEC_CHECK_RISKY_WORD)}.png`,
        mediaType: 2,
        version: 2,
        scene: 1,
        openid: 'o-uploader',
      });
      expect(traceId).toEqual(expect.any(String));
      expect(event).toEqual({
        ToUserName: 'gh_emulator00000',
        FromUserName: 'o-platform-push-service',
        CreateTime: expect.any(Number) as number,
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: 'wx0000000000000000',
        trace_id: traceId,
        version: 2,
        detail: [
          { strategy: 'content_model', errcode: 0, suggest: 'risky', label: 21000, prob: 90 },
        ],
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: 'risky', label: 21000 },
      });
      expectPlatformContext(context);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a v1 check: the verdict arrives in production v1 shape (isrisky, no result)',
    async () => {
      const [traceId, { event, context }] = await checkMedia({
        mediaUrl: 'https://example.com/clean.mp3',
        mediaType: 1,
      });
      expect(event).toEqual({
        ToUserName: 'gh_emulator00000',
        FromUserName: 'o-platform-push-service',
        CreateTime: expect.any(Number) as number,
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: 'wx0000000000000000',
        trace_id: traceId,
        isrisky: 0,
        extra_info_json: '',
        status_code: 0,
      });
      expectPlatformContext(context);
    },
    TEST_TIMEOUT_MS,
  );

  test('a user’s text push opens the reply window; 48 h later a reply is 45015', async () => {
    const user = 'o-cs-writer';
    // Nobody told the emulator this user wrote: the reply window is closed.
    expect(
      await call('customerService', { replyTo: user, content: '早' }, 'o-staff'),
    ).toMatchObject({ sent: false, errCode: 45015 });

    const delivery = await emu.pushes.deliver({
      MsgType: 'text',
      FromUserName: user,
      Content: '在吗',
    });
    expect(delivery).toMatchObject({ ok: true, functionName: 'customerService' });
    // The function answered the push's sender (getWXContext().OPENID), within the window.
    expect(delivery.result).toEqual({ sent: true, touser: user });
    expect(emu.messages.list({ touser: user })).toMatchObject([
      { kind: 'customerService', msgtype: 'text', body: { content: '收到：在吗' } },
    ]);

    emu.clock.advance(CUSTOMER_SERVICE_WINDOW_MS - 60_000);
    expect(
      await call('customerService', { replyTo: user, content: '您的早餐好了' }, 'o-staff'),
    ).toEqual({ sent: true, touser: user });

    emu.clock.advance(60_000);
    expect(
      await call('customerService', { replyTo: user, content: '还在吗' }, 'o-staff'),
    ).toMatchObject({ sent: false, errCode: 45015 });
    expect(emu.messages.list({ touser: user })).toHaveLength(2);
  });
});
