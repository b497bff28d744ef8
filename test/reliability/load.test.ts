// Load: many concurrent logins and concurrent profile writes through POST /functions/<name>.
// The database must end exact: one user document per OPENID, loginCount equal to the logins,
// and a final profile that is one of the writes (never a mix of two).
import { useTestEmulator } from './support/emulator';
import { printFigures } from './support/figures';

const USERS = 50;
const LOGINS_PER_USER = 4; // 200 logins in all, under the default cap of 10 sessions per user
const PROFILE_WRITES = 20;

describe('load', () => {
  const suite = useTestEmulator();

  test(`${USERS * LOGINS_PER_USER} concurrent logins across ${USERS} users`, async () => {
    const openids = Array.from({ length: USERS }, (_, i) => `load-user-${i}`);
    const calls = openids.flatMap((openid) =>
      Array.from({ length: LOGINS_PER_USER }, () => suite.fns.call('login', {}, openid)),
    );
    const answers = await Promise.all(calls);
    const failed = answers.filter((a) => a.kind !== 'ok');

    const users = await suite.admin.find('users', { _openid: { $in: openids } });
    const perOpenid = new Map<string, number>();
    for (const user of users)
      perOpenid.set(String(user._openid), (perOpenid.get(String(user._openid)) ?? 0) + 1);
    const duplicated = [...perOpenid.values()].filter((n) => n > 1).length;
    const wrongCount = users.filter((u) => u.loginCount !== LOGINS_PER_USER).length;
    const sessions = await suite.admin.find('sessions', {
      openid: { $in: openids },
      revokedAt: null,
    });
    const openSessionsWrong = openids.filter(
      (openid) => sessions.filter((doc) => doc.openid === openid).length !== LOGINS_PER_USER,
    ).length;
    const tokens = new Set(answers.map((a) => (a.kind === 'ok' ? String(a.data.token) : '')));

    printFigures('load: concurrent logins', {
      requests: calls.length,
      'failed requests': failed.length,
      'user documents': users.length,
      'users with duplicate documents': duplicated,
      'users with a wrong loginCount': wrongCount,
      'distinct tokens': tokens.size,
      'open sessions': sessions.length,
      'users with a wrong number of open sessions': openSessionsWrong,
      'users without a document': USERS - perOpenid.size,
    });
    expect(failed).toEqual([]);
    expect(perOpenid.size).toBe(USERS);
    expect(users).toHaveLength(USERS);
    expect(wrongCount).toBe(0);
    expect(tokens.size).toBe(USERS * LOGINS_PER_USER);
    expect(openSessionsWrong).toBe(0);
    expect(sessions).toHaveLength(USERS * LOGINS_PER_USER);
  });

  test(`${PROFILE_WRITES} concurrent updateUserInfo calls on one user`, async () => {
    const openid = 'load-profile-user';
    const { token } = await suite.fns.ok('login', {}, openid);
    const writes = Array.from({ length: PROFILE_WRITES }, (_, i) => ({
      nickName: `并发写入${i}`,
      city: `city-${i}`,
      gender: (i % 3) as 0 | 1 | 2,
    }));
    const answers = await Promise.all(
      writes.map((profile) => suite.fns.call('updateUserInfo', { token, profile }, openid)),
    );
    const failed = answers.filter((a) => a.kind !== 'ok');

    const users = await suite.admin.find('users', { _openid: openid });
    const final = users[0] ?? {};
    const matching = writes.filter(
      (w) => final.nickName === w.nickName && final.city === w.city && final.gender === w.gender,
    );
    printFigures('load: concurrent profile writes', {
      requests: writes.length,
      'failed requests': failed.length,
      'user documents': users.length,
      'writes the final profile equals exactly': matching.length,
    });
    expect(failed).toEqual([]);
    expect(users).toHaveLength(1);
    expect(matching).toHaveLength(1);
    expect(final.loginCount).toBe(1);
  });
});
