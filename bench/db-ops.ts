// dbOps: database calls each function makes in its common case, read from the emulator's
// statistics (every SDK request to /admin is counted against the invocation that made it).
import type { DbOpCount } from './lib/results';

export interface DbOpsDeps {
  /** Calls a function as `openid` and resolves with its envelope's data (throws on failure). */
  call(name: string, data: object, openid: string): Promise<Record<string, unknown>>;
  /** Runs `fn` (one function call) and returns the database actions it made, with counts. */
  countActions(fn: () => Promise<unknown>): Promise<Record<string, number>>;
}

const READS = new Set([
  'database.getDocument',
  'database.calculateDocument',
  'database.aggregateDocuments',
]);
const WRITES = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.removeDocument',
]);

/** Reads and writes by action; `total` also counts collection creation and transaction calls. */
export function classify(
  byAction: Record<string, number>,
): DbOpCount & { byAction: Record<string, number> } {
  let reads = 0;
  let writes = 0;
  let total = 0;
  for (const [action, count] of Object.entries(byAction)) {
    total += count;
    if (READS.has(action)) reads += count;
    if (WRITES.has(action)) writes += count;
  }
  return { reads, writes, total, byAction };
}

export type DbOpsResult = Record<string, DbOpCount & { byAction: Record<string, number> }>;

export async function measureDbOps(deps: DbOpsDeps): Promise<DbOpsResult> {
  const openid = `bench-dbops-${Date.now()}`;
  // A brand-new user's first login (once per user; also creates collections on a fresh database).
  const loginNewUser = classify(await deps.countActions(() => deps.call('login', {}, openid)));

  // The common case: a returning user logs in again (new launch, new device, expired session).
  let token = '';
  const login = classify(
    await deps.countActions(async () => {
      token = String((await deps.call('login', {}, openid)).token);
    }),
  );
  const checkSession = classify(
    await deps.countActions(() => deps.call('checkSession', { token }, openid)),
  );
  const checkSessionWithUser = classify(
    await deps.countActions(() => deps.call('checkSession', { token, withUser: true }, openid)),
  );
  const updateUserInfo = classify(
    await deps.countActions(() =>
      deps.call(
        'updateUserInfo',
        { token, profile: { nickName: '基准测试', city: 'Shanghai' } },
        openid,
      ),
    ),
  );
  const logout = classify(
    await deps.countActions(() => deps.call('logout', { token, scope: 'current' }, openid)),
  );
  return { login, checkSession, updateUserInfo, loginNewUser, checkSessionWithUser, logout };
}
