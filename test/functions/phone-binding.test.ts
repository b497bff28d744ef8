/**
 * bindPhoneNumber / unbindPhoneNumber: the real bundles, the real wx-server-sdk calling
 * `cloud.openapi.phonenumber.getPhoneNumber` through the emulator, codes issued by the emulator.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BindPhoneNumberResponse, ErrorBody, PublicUser } from '../../contract/src';
import type { PhoneFailCode } from '../../emulator/src';
import { auditSubject } from '../../server/src/audit';
import { functionsDir } from './support/build';
import {
  dataOf,
  errorOf,
  startFunctions,
  type Caller,
  type FunctionsHarness,
} from './support/harness';
import { login } from './support/users';

const NUMBER = '13800138000';

function platformCalls(fx: FunctionsHarness): number {
  return fx.emulator.openapi.stats()['phonenumber.getPhoneNumber']?.calls ?? 0;
}

function codeFor(
  fx: FunctionsHarness,
  caller: Caller,
  phoneNumber = NUMBER,
  failWith?: PhoneFailCode,
) {
  return fx.emulator.openapi.phoneCodes.issue({
    openid: caller.openid,
    phoneNumber,
    ...(failWith ? { failWith } : {}),
  }).code;
}

async function bind(
  fx: FunctionsHarness,
  caller: Caller,
  token: string,
  code: unknown,
  fn = 'bindPhoneNumber',
) {
  return fx.call<BindPhoneNumberResponse>(fn, { token, code }, caller);
}

describe('phone number binding', () => {
  let fx: FunctionsHarness;
  let noPermissionDir: string;
  const tokens = new Map<string, string>();
  const tokenOf = async (caller: Caller) => {
    if (!tokens.has(caller.openid)) tokens.set(caller.openid, (await login(fx, caller)).token);
    return tokens.get(caller.openid)!;
  };

  beforeAll(async () => {
    // The same bundle without config.json: deployed without the openapi permission.
    noPermissionDir = mkdtempSync(path.join(tmpdir(), 'wxcl-noperm-'));
    cpSync(
      path.join(functionsDir, 'bindPhoneNumber', 'index.js'),
      path.join(noPermissionDir, 'index.js'),
    );
    fx = await startFunctions(
      {},
      {
        timeoutSeconds: 30,
        maxInstancesPerFunction: 8,
        extraFunctions: { bindWithoutPermission: noPermissionDir },
      },
    );
  }, 60_000);
  afterAll(async () => {
    await fx?.stop();
    rmSync(noPermissionDir, { recursive: true, force: true });
  });

  test('a new user has no phone; a code binds its number and checkSession shows it', async () => {
    const alice = { openid: 'o-alice' };
    const { user } = await login(fx, alice);
    tokens.set(alice.openid, (await login(fx, alice)).token);
    expect(user.phone).toBeNull();
    const before = Date.now();
    const bound = dataOf(await bind(fx, alice, await tokenOf(alice), codeFor(fx, alice)));
    expect(bound.user.phone).toEqual({
      countryCode: '86',
      number: NUMBER,
      boundAt: expect.any(Number),
    });
    expect(bound.user.phone!.boundAt).toBeGreaterThanOrEqual(before);
    const check = await fx.call<{ user: PublicUser }>(
      'checkSession',
      { token: await tokenOf(alice), withUser: true },
      alice,
    );
    expect(dataOf(check).user.phone).toEqual(bound.user.phone);
    // The claim, and nothing else of the number (the exchange limit's document holds times only).
    expect(await fx.documents('phones', { owner: { $exists: true } })).toEqual([
      {
        _id: `86-${NUMBER}`,
        owner: 'o-alice',
        countryCode: '86',
        number: NUMBER,
        boundAt: bound.user.phone!.boundAt,
      },
    ]);
  });

  test('the same code twice: the second is PHONE_CODE_INVALID', async () => {
    const dave = { openid: 'o-dave' };
    const code = codeFor(fx, dave, '13900000001');
    expect(dataOf(await bind(fx, dave, await tokenOf(dave), code)).user.phone?.number).toBe(
      '13900000001',
    );
    expect(errorOf(await bind(fx, dave, await tokenOf(dave), code))).toEqual({
      code: 'PHONE_CODE_INVALID',
      message: '手机号授权已失效，请重新获取',
    });
  });

  test("another user's code is PHONE_CODE_INVALID (the exchange names the caller's OPENID)", async () => {
    const erin = { openid: 'o-erin' };
    const stolen = codeFor(fx, { openid: 'o-frank' }, '13900000002');
    expect(errorOf(await bind(fx, erin, await tokenOf(erin), stolen)).code).toBe(
      'PHONE_CODE_INVALID',
    );
  });

  test.each<[PhoneFailCode, string]>([
    [45011, 'platform_rate_limited'],
    [-1, 'system_busy'],
    [1400001, 'quota_exhausted'],
  ])(
    'a code issued to fail with %i is PHONE_UNAVAILABLE (%s), nothing stored',
    async (failWith, reason) => {
      const gina = { openid: `o-gina${failWith}` };
      const error = errorOf(
        await bind(fx, gina, await tokenOf(gina), codeFor(fx, gina, '13900000003', failWith)),
      );
      expect(error).toEqual({
        code: 'PHONE_UNAVAILABLE',
        message: '暂时无法获取手机号，请稍后再试',
        details: { reason },
      });
      expect(await fx.documents('phones', { owner: gina.openid })).toEqual([]);
    },
  );

  test('a function deployed without the permission: -604101 becomes PHONE_UNAVAILABLE (no_permission)', async () => {
    const hank = { openid: 'o-hank' };
    const code = codeFor(fx, hank, '13900000004');
    const calls = platformCalls(fx);
    const error = errorOf(await bind(fx, hank, await tokenOf(hank), code, 'bindWithoutPermission'));
    expect(error).toMatchObject({
      code: 'PHONE_UNAVAILABLE',
      details: { reason: 'no_permission' },
    });
    expect(platformCalls(fx)).toBe(calls);
  });

  test('bad codes are INVALID_ARGUMENT and never reach the platform', async () => {
    const ivy = { openid: 'o-ivy' };
    const calls = platformCalls(fx);
    for (const [code, reason] of [
      [undefined, 'missing'],
      ['', 'missing'],
      [42, 'wrong_type'],
      [{ $ne: '' }, 'wrong_type'],
      ['a b', 'not_allowed'],
      ['x'.repeat(129), 'not_allowed'],
    ] as const) {
      expect(errorOf(await bind(fx, ivy, await tokenOf(ivy), code))).toMatchObject({
        code: 'INVALID_ARGUMENT',
        details: { field: 'code', reason },
      });
    }
    expect(errorOf(await bind(fx, ivy, 'f'.repeat(64), codeFor(fx, ivy))).code).toBe(
      'SESSION_INVALID',
    );
    expect(platformCalls(fx)).toBe(calls);
  });

  test('binding the number you already own succeeds and keeps its boundAt', async () => {
    const jack = { openid: 'o-jack' };
    const first = dataOf(
      await bind(fx, jack, await tokenOf(jack), codeFor(fx, jack, '13900000005')),
    );
    const again = dataOf(
      await bind(fx, jack, await tokenOf(jack), codeFor(fx, jack, '13900000005')),
    );
    expect(again.user.phone).toEqual(first.user.phone);
  });

  test('a second account binding an owned number gets PHONE_IN_USE; after unbind it can bind', async () => {
    const kate = { openid: 'o-kate' };
    const leo = { openid: 'o-leo' };
    dataOf(await bind(fx, kate, await tokenOf(kate), codeFor(fx, kate, '13900000006')));
    expect(
      errorOf(await bind(fx, leo, await tokenOf(leo), codeFor(fx, leo, '13900000006'))),
    ).toEqual({
      code: 'PHONE_IN_USE',
      message: '该手机号已绑定其他账号',
    });
    const unbound = dataOf(
      await fx.call<{ user: PublicUser }>(
        'unbindPhoneNumber',
        { token: await tokenOf(kate) },
        kate,
      ),
    );
    expect(unbound.user.phone).toBeNull();
    // Idempotent.
    expect(
      dataOf(
        await fx.call<{ user: PublicUser }>(
          'unbindPhoneNumber',
          { token: await tokenOf(kate) },
          kate,
        ),
      ).user.phone,
    ).toBeNull();
    const leoBound = dataOf(
      await bind(fx, leo, await tokenOf(leo), codeFor(fx, leo, '13900000006')),
    );
    expect(leoBound.user.phone?.number).toBe('13900000006');
    expect(await fx.documents('phones', { number: '13900000006' })).toMatchObject([
      { owner: 'o-leo' },
    ]);
  });

  test('binds, changes and unbinds leave phone.changed audit entries without the number', async () => {
    const rita = { openid: 'o-rita' };
    const token = await tokenOf(rita);
    dataOf(await bind(fx, rita, token, codeFor(fx, rita, '13900000031')));
    dataOf(await bind(fx, rita, token, codeFor(fx, rita, '13900000031'))); // already hers: no entry
    dataOf(await bind(fx, rita, token, codeFor(fx, rita, '13900000032')));
    dataOf(await fx.call('unbindPhoneNumber', { token }, rita));
    dataOf(await fx.call('unbindPhoneNumber', { token }, rita)); // nothing bound: no entry
    const entries = await fx.documents<{ action: string; subject: string; details: unknown }>(
      'audit_log',
      { subject: auditSubject('o-rita'), action: 'phone.changed' },
    );
    expect(entries.map((e) => e.details)).toEqual([
      { change: 'bound' },
      { change: 'replaced' },
      { change: 'unbound' },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/1390000003|o-rita/);
  });

  test('deleting the account frees its number for another account', async () => {
    const sam = { openid: 'o-sam' };
    const tina = { openid: 'o-tina' };
    dataOf(await bind(fx, sam, await tokenOf(sam), codeFor(fx, sam, '13900000041')));
    dataOf(await fx.call('deleteAccount', { token: await tokenOf(sam) }, sam));
    expect(await fx.documents('phones', { number: '13900000041' })).toEqual([]);
    const bound = dataOf(
      await bind(fx, tina, await tokenOf(tina), codeFor(fx, tina, '13900000041')),
    );
    expect(bound.user.phone?.number).toBe('13900000041');
  });

  test('changing to another number frees the old one', async () => {
    const mia = { openid: 'o-mia' };
    const ned = { openid: 'o-ned' };
    dataOf(await bind(fx, mia, await tokenOf(mia), codeFor(fx, mia, '13900000007')));
    dataOf(await bind(fx, mia, await tokenOf(mia), codeFor(fx, mia, '13900000008')));
    expect(await fx.documents('phones', { owner: 'o-mia' })).toMatchObject([
      { number: '13900000008' },
    ]);
    expect(
      dataOf(await bind(fx, ned, await tokenOf(ned), codeFor(fx, ned, '13900000007'))).user.phone
        ?.number,
    ).toBe('13900000007');
  });

  test('20 accounts binding one number at the same moment: exactly one owner, 19 PHONE_IN_USE', async () => {
    const callers = Array.from({ length: 20 }, (_, i) => ({ openid: `o-race-${i}` }));
    const prepared = [];
    for (const caller of callers)
      prepared.push({
        caller,
        token: await tokenOf(caller),
        code: codeFor(fx, caller, '13700000000'),
      });
    const results = await Promise.all(
      prepared.map(({ caller, token, code }) => bind(fx, caller, token, code)),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [callers[i]!.openid] : []));
    const losers = results.filter((r): r is { ok: false; error: ErrorBody } => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => r.error.code)).toEqual(Array(19).fill('PHONE_IN_USE'));
    expect(await fx.documents('phones', { number: '13700000000' })).toMatchObject([
      { owner: winners[0] },
    ]);
    // The bound number lives in the account record (`account:<OPENID>`), never the user document.
    const owners = await fx.documents('users', { 'phone.number': '13700000000' });
    expect(owners.map((u) => u._id)).toEqual(winners.map((openid) => `account:${openid}`));
  }, 60_000);

  test('at most PHONE_BIND_MAX_PER_DAY (5) platform exchanges per account a day, then RATE_LIMITED', async () => {
    const olga = { openid: 'o-olga' };
    const token = await tokenOf(olga);
    const calls = platformCalls(fx);
    for (let i = 0; i < 5; i++) {
      expect(errorOf(await bind(fx, olga, token, codeFor(fx, olga, NUMBER, 45011))).code).toBe(
        'PHONE_UNAVAILABLE',
      );
    }
    const valid = codeFor(fx, olga, '13900000009');
    for (let i = 0; i < 3; i++) {
      const error = errorOf(await bind(fx, olga, token, valid));
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.message).toBe('操作过于频繁，请稍后再试');
      expect(error.details?.retryAfter).toBeGreaterThan(23 * 3600_000);
      expect(error.details?.retryAfter).toBeLessThanOrEqual(24 * 3600_000);
    }
    // The emulator counted exactly 5 platform calls for this account: the limit spared the rest.
    expect(platformCalls(fx) - calls).toBe(5);
    // Other accounts are not affected.
    const pete = { openid: 'o-pete' };
    expect(
      dataOf(await bind(fx, pete, await tokenOf(pete), codeFor(fx, pete, '13900000010'))).user
        .phone,
    ).not.toBeNull();
  });

  // Tests below move the emulator clock (functions see the shifted Date): keep them last.
  test('an expired code (5 minutes on the emulator clock) is PHONE_CODE_INVALID', async () => {
    const quinn = { openid: 'o-quinn' };
    const token = await tokenOf(quinn);
    const code = codeFor(fx, quinn, '13900000011');
    fx.emulator.clock.advance(5 * 60_000);
    expect(errorOf(await bind(fx, quinn, token, code)).code).toBe('PHONE_CODE_INVALID');
  });

  test('a day after the limit was reached (emulator clock) the account may exchange again', async () => {
    const olga = { openid: 'o-olga' };
    const token = await tokenOf(olga);
    const refused = errorOf(await bind(fx, olga, token, codeFor(fx, olga, '13900000012')));
    expect(refused.code).toBe('RATE_LIMITED');
    fx.emulator.clock.advance(refused.details!.retryAfter!);
    const bound = dataOf(await bind(fx, olga, token, codeFor(fx, olga, '13900000012')));
    expect(bound.user.phone?.number).toBe('13900000012');
  });
});
