/**
 * `cloud.openapi.*` through the real, unmodified wx-server-sdk running in function instances:
 * the multipart + protobuf request, the protobuf reply, permissions from config.json, test
 * phone codes (once, 5 minutes, failWith, openid check) and msgSecCheck.
 */
import path from 'node:path';
import {
  startEmulator,
  MSG_SEC_CHECK_RISKY_WORD,
  type RunningEmulator,
} from '../../../emulator/src';
import { buildEmulator, repoRoot } from '../host/support';

const project = path.join(repoRoot, 'test/fixtures/openapi-project');
const alice = { openid: 'o-alice' };

interface Outcome {
  ok: boolean;
  result?: Record<string, unknown>;
  errCode?: number;
  errMsg?: string;
}

describe('cloud.openapi through the emulator', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    buildEmulator();
    emu = await startEmulator({ project, inMemory: true, logger: 'silent' });
  });
  afterAll(async () => {
    await emu?.stop();
  });

  async function call(fn: string, api: string, data: unknown, caller = alice): Promise<Outcome> {
    const reply = await emu.callFunction(fn, { api, data }, caller);
    if (!reply.ok) throw new Error(`call failed: ${JSON.stringify(reply.body)}`);
    return reply.result as Outcome;
  }

  async function issue(body: Record<string, unknown>) {
    const res = await fetch(`${emu.url}/api/phone-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  test('a code issued over HTTP exchanges once for the number, as production answers', async () => {
    const issued = await issue({ openid: 'o-alice', phoneNumber: '13800138000' });
    expect(issued.status).toBe(200);
    const { code, expiresAt } = issued.body as { code: string; expiresAt: number };
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    expect(expiresAt).toBeGreaterThan(Date.now() + 4 * 60_000);

    const first = await call('granted', 'phonenumber.getPhoneNumber', { code, openid: 'o-alice' });
    expect(first).toEqual({
      ok: true,
      result: {
        phoneInfo: {
          phoneNumber: '13800138000',
          purePhoneNumber: '13800138000',
          countryCode: '86',
          watermark: { timestamp: expect.any(Number), appid: expect.any(String) },
        },
        errMsg: 'openapi.phonenumber.getPhoneNumber:ok',
        errCode: 0,
      },
    });
    const second = await call('granted', 'phonenumber.getPhoneNumber', { code });
    expect(second.ok).toBe(false);
    expect(second.errCode).toBe(40029);
    expect(second.errMsg).toMatch(/^openapi\.phonenumber\.getPhoneNumber:fail invalid code/);
  });

  test('a foreign number carries its country code; the programmatic API issues codes too', async () => {
    const { code } = emu.openapi.phoneCodes.issue({
      openid: 'o-alice',
      phoneNumber: '2025550123',
      countryCode: '1',
    });
    const out = await call('granted', 'phonenumber.getPhoneNumber', { code });
    expect(out.result?.phoneInfo).toMatchObject({
      phoneNumber: '+1 2025550123',
      purePhoneNumber: '2025550123',
      countryCode: '1',
    });
  });

  test("a code issued to another user fails 40029 when the exchange names the caller's openid", async () => {
    const { code } = emu.openapi.phoneCodes.issue({ openid: 'o-bob', phoneNumber: '13900000000' });
    const out = await call('granted', 'phonenumber.getPhoneNumber', { code, openid: 'o-alice' });
    expect(out).toMatchObject({ ok: false, errCode: 40029 });
    // Not consumed by the refused attempt: its owner can still use it.
    const owner = await call('granted', 'phonenumber.getPhoneNumber', { code, openid: 'o-bob' });
    expect(owner.ok).toBe(true);
  });

  test.each([45011, -1, 1400001])(
    'a code issued to fail with %i fails with it',
    async (failWith) => {
      const issued = await issue({ openid: 'o-alice', phoneNumber: '13800138000', failWith });
      const out = await call('granted', 'phonenumber.getPhoneNumber', {
        code: issued.body.code,
      });
      expect(out.ok).toBe(false);
      expect(out.errCode).toBe(failWith);
    },
  );

  test('a code expires 5 minutes later by the emulator clock (no waiting: the clock moves)', async () => {
    emu.clock.advance(86_400_000); // a day ahead of real time: expiry must follow the emulator
    const before = emu.clock.now();
    const { code, expiresAt } = emu.openapi.phoneCodes.issue({
      openid: 'o-alice',
      phoneNumber: '13800138000',
    });
    expect(expiresAt).toBeGreaterThanOrEqual(before + 5 * 60_000);
    expect(expiresAt).toBeLessThanOrEqual(emu.clock.now() + 5 * 60_000);
    emu.clock.advance(5 * 60_000 - 1_000);
    const early = emu.openapi.phoneCodes.issue({ openid: 'o-alice', phoneNumber: '13800138000' });
    emu.clock.advance(1_000);
    const out = await call('granted', 'phonenumber.getPhoneNumber', { code });
    expect(out).toMatchObject({ ok: false, errCode: 40029 });
    expect(out.errMsg).toContain('code expired');
    // A code issued 4:59 earlier still works.
    expect((await call('granted', 'phonenumber.getPhoneNumber', { code: early.code })).ok).toBe(
      true,
    );
  });

  test('an unknown code is 40029', async () => {
    const out = await call('granted', 'phonenumber.getPhoneNumber', { code: 'nope' });
    expect(out.errCode).toBe(40029);
  });

  test('a function without the permission in config.json gets -604101', async () => {
    const { code } = emu.openapi.phoneCodes.issue({
      openid: 'o-alice',
      phoneNumber: '13800138000',
    });
    const before = emu.openapi.stats()['phonenumber.getPhoneNumber']?.calls ?? 0;
    const out = await call('denied', 'phonenumber.getPhoneNumber', { code });
    expect(out.ok).toBe(false);
    expect(out.errCode).toBe(-604101);
    // Refused before the platform: not counted, and the code still works for a granted function.
    expect(emu.openapi.stats()['phonenumber.getPhoneNumber']?.calls ?? 0).toBe(before);
    expect((await call('granted', 'phonenumber.getPhoneNumber', { code })).ok).toBe(true);
  });

  test('an API that is granted but not emulated answers a clear error naming it', async () => {
    const out = await call('granted', 'urlscheme.generate', { isExpire: false });
    expect(out.ok).toBe(false);
    expect(out.errMsg).toContain('urlscheme.generate is not emulated');
  });

  test('uniformMessage.send is not emulated and says why and what to use instead', async () => {
    const out = await call('granted', 'uniformMessage.send', {
      touser: 'o-alice',
      mpTemplateMsg: { appid: 'wx1111111111111111', templateId: 't', data: {} },
    });
    expect(out).toMatchObject({ ok: false, errCode: -1 });
    expect(out.errMsg).toContain('uniformMessage.send is not emulated');
    expect(out.errMsg).toContain('use subscribeMessage.send');
    expect(out.errMsg).toContain('official account');
  });

  test('msgSecCheck v2 passes ordinary text and flags the documented risky word', async () => {
    const base = { version: 2, scene: 1, openid: 'o-alice' };
    const fine = await call('granted', 'security.msgSecCheck', { ...base, content: '你好' });
    expect(fine.result?.result).toEqual({ suggest: 'pass', label: 100 });
    const risky = await call('granted', 'security.msgSecCheck', {
      ...base,
      content: `昵称${MSG_SEC_CHECK_RISKY_WORD}`,
    });
    expect(risky.result?.result).toEqual({ suggest: 'risky', label: 21000 });
    const v1 = await call('granted', 'security.msgSecCheck', {
      content: MSG_SEC_CHECK_RISKY_WORD,
    });
    expect(v1).toMatchObject({ ok: false, errCode: 87014 });
    const check = (data: Record<string, unknown>) => call('granted', 'security.msgSecCheck', data);
    expect(await check({ version: 2 })).toMatchObject({ errCode: 47001 });
    expect(await check({ ...base, openid: '', content: 'x' })).toMatchObject({ errCode: 40003 });
    expect(await check({ ...base, scene: 5, content: 'x' })).toMatchObject({ errCode: 47001 });
  });

  test('long parameters survive the multipart body byte for byte (length prefixes >= 0x80)', async () => {
    // A 500-character text makes protobuf length bytes that are not valid UTF-8: a parser that
    // read requestData as text would corrupt them and the decode would fail.
    const content = `${'长'.repeat(500)}${MSG_SEC_CHECK_RISKY_WORD}`;
    const out = await call('granted', 'security.msgSecCheck', {
      version: 2,
      scene: 2,
      openid: 'o-alice',
      content,
    });
    expect(out.ok).toBe(true);
    expect(out.result?.result).toEqual({ suggest: 'risky', label: 21000 });
  });

  test('the emulator counts exchanges that reached the platform', async () => {
    const stats = (await (await fetch(`${emu.url}/api/openapi/stats`)).json()) as {
      emulated: string[];
      calls: Record<string, { calls: number; succeeded: number }>;
    };
    expect(stats.emulated).toEqual(
      expect.arrayContaining(['phonenumber.getPhoneNumber', 'security.msgSecCheck']),
    );
    expect(stats.calls['phonenumber.getPhoneNumber'].calls).toBe(
      emu.openapi.stats()['phonenumber.getPhoneNumber']?.calls,
    );
    expect(stats.calls['phonenumber.getPhoneNumber'].succeeded).toBeGreaterThanOrEqual(4);
  });

  test('bad code requests are refused with the field named, cross-site ones with 403', async () => {
    expect((await issue({ openid: 'o-alice' })).body).toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('phoneNumber'),
    });
    expect((await issue({ openid: 'o-alice', phoneNumber: '1380', failWith: 1 })).status).toBe(400);
    expect(
      (await issue({ openid: 'o-alice', phoneNumber: '13800138000', failWith: 12345 })).status,
    ).toBe(400);
    const cross = await fetch(`${emu.url}/api/phone-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ openid: 'o-alice', phoneNumber: '13800138000' }),
    });
    expect(cross.status).toBe(403);
  });
});
