/**
 * This project's own rules (database/security-rules/*.json, as shipped) through the bridge's
 * client database, against documents the real login function wrote. The same reads and writes
 * from cloud functions (the admin path) succeed: rules never apply there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BridgeDatabase } from '../../../emulator/src/bridge/database-types';
import type { DocIdMode } from '../../../emulator/src/rules';
import { outcomeOf, startRulesHarness, type Doc, type Outcome, type RulesHarness } from './support';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SHIPPED_RULES = path.join(REPO, 'database', 'security-rules');
const ALICE = 'o-alice';
const BOB = 'o-bob';

function expectDenied(outcome: Outcome): void {
  expect(outcome).toEqual({ ok: false, errCode: -502003, errMsg: 'Permission denied' });
}

describe.each(['strict', 'read-then-check'] as DocIdMode[])(
  'shipped rules (--rules-doc-id %s)',
  (mode) => {
    let h: RulesHarness;
    let db: BridgeDatabase;
    let tokens: Record<string, string>;
    const snapshot = async () => ({
      users: await h.all('users'),
      sessions: await h.all('sessions'),
    });

    beforeAll(async () => {
      h = await startRulesHarness({}, { project: REPO, rulesDir: SHIPPED_RULES, docIdMode: mode });
      tokens = {};
      for (const openid of [ALICE, BOB]) {
        const reply = await h.emu.callFunction('login', {}, { openid });
        const result = reply.result as { ok: boolean; data: { token: string } };
        expect(result.ok).toBe(true);
        tokens[openid] = result.data.token;
      }
      db = h.db(ALICE);
    });
    afterAll(async () => {
      await h?.stop();
    });

    test("a user reads their own user document with where({ _openid: '{openid}' })", async () => {
      const reply = await db.collection('users').where({ _openid: '{openid}' }).get();
      expect(reply.errMsg).toBe('collection.get:ok');
      expect(reply.data.map((d) => d._id)).toEqual([ALICE]);
    });

    test("a bare get(), another user's document and doc(id) reads are refused", async () => {
      const users = db.collection('users');
      expectDenied(await outcomeOf(() => users.get()));
      expectDenied(await outcomeOf(() => users.count()));
      expectDenied(await outcomeOf(() => users.where({ _openid: BOB }).get()));
      expectDenied(await outcomeOf(() => users.doc(BOB).get()));
      // The owner's own doc(id) read passes only in the read-then-check reading.
      const own = await outcomeOf(() => users.doc(ALICE).get());
      if (mode === 'strict') expectDenied(own);
      else expect(own).toMatchObject({ ok: true, value: { data: { _id: ALICE } } });
    });

    test('every client write to users is refused and changes nothing', async () => {
      const before = await snapshot();
      const users = db.collection('users');
      const writes: (() => Promise<unknown>)[] = [
        () => users.add({ data: { nickName: 'x' } }),
        () => users.doc(ALICE).update({ data: { nickName: 'x' } }),
        () => users.doc(ALICE).set({ data: { nickName: 'x' } }),
        () => users.doc(ALICE).remove(),
        () => users.where({ _openid: '{openid}' }).update({ data: { loginCount: 999 } }),
        () => users.where({ _openid: '{openid}' }).remove(),
        () => users.doc(BOB).update({ data: { nickName: 'x' } }),
      ];
      for (const write of writes) expectDenied(await outcomeOf(write));
      expect(await snapshot()).toEqual(before);
    });

    test('sessions refuse everything from the client', async () => {
      const before = await snapshot();
      const sessions = db.collection('sessions');
      const ownSession = (before.sessions.find((s: Doc) => s.openid === ALICE) as Doc)
        ._id as string;
      const calls: (() => Promise<unknown>)[] = [
        () => sessions.get(),
        () => sessions.where({ openid: '{openid}' }).get(),
        () => sessions.where({ _openid: '{openid}' }).count(),
        () => sessions.doc(ownSession).get(),
        () => sessions.aggregate().match({ openid: '{openid}' }).end(),
        () =>
          sessions.add({ data: { openid: ALICE, expiresAt: Date.now() + 1e9, revokedAt: null } }),
        () => sessions.doc(ownSession).update({ data: { expiresAt: Date.now() + 1e12 } }),
        () => sessions.where({ openid: '{openid}' }).remove(),
      ];
      for (const call of calls) expectDenied(await outcomeOf(call));
      expect(await snapshot()).toEqual(before);
    });

    test("a $lookup from the user's own document cannot reach sessions or phones", async () => {
      const ownUser = () => db.collection('users').aggregate().match({ _openid: '{openid}' });
      const lookups: (() => Promise<unknown>)[] = [
        () => ownUser().lookup({ from: 'sessions', pipeline: [], as: 's' }).end(),
        () =>
          ownUser()
            .lookup({ from: 'sessions', localField: '_openid', foreignField: 'openid', as: 's' })
            .end(),
        () => ownUser().lookup({ from: 'phones', pipeline: [], as: 'p' }).end(),
      ];
      for (const lookup of lookups) expectDenied(await outcomeOf(lookup));
    });

    test('every shipped collection closed to clients (read and write false) refuses reads and writes', async () => {
      const closed = readdirSync(SHIPPED_RULES)
        .filter((file) => file.endsWith('.json'))
        .filter((file) => {
          const rule = JSON.parse(readFileSync(path.join(SHIPPED_RULES, file), 'utf8')) as Record<
            string,
            unknown
          >;
          return rule.read === false && rule.write === false;
        })
        .map((file) => file.slice(0, -'.json'.length));
      expect(closed).toEqual(expect.arrayContaining(['sessions']));
      for (const name of closed) {
        await h.seed(name, []).catch(() => undefined);
        const collection = db.collection(name);
        expectDenied(await outcomeOf(() => collection.where({ _openid: '{openid}' }).get()));
        expectDenied(await outcomeOf(() => collection.add({ data: { x: 1 } })));
      }
    });

    test('the same reads and writes from cloud functions (admin path) succeed', async () => {
      const check = await h.emu.callFunction(
        'checkSession',
        { token: tokens[ALICE] },
        { openid: ALICE },
      );
      expect(check.result).toMatchObject({ ok: true });
      const update = await h.emu.callFunction(
        'updateUserInfo',
        { token: tokens[ALICE], profile: { nickName: '小明' } },
        { openid: ALICE },
      );
      expect(update.result).toMatchObject({ ok: true, data: { user: { nickName: '小明' } } });
      const logout = await h.emu.callFunction(
        'logout',
        { token: tokens[BOB], scope: 'current' },
        { openid: BOB },
      );
      expect(logout.result).toMatchObject({ ok: true });
      const stored = await snapshot();
      expect(stored.users.find((u) => u._id === ALICE)?.nickName).toBe('小明');
      expect(stored.sessions.find((s) => s.openid === BOB)?.revokedAt).toEqual(expect.any(Number));
      // Admin reads need no condition at all.
      expect(stored.users).toHaveLength(2);
    });
  },
);
