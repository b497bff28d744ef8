// Faults: the database answers 20% of requests with SYS_ERR and every request is slowed down.
// Every call must end within its timeout in a result or a typed error (no hangs, no malformed
// replies); no session may exist without its user; and repeating calls must converge to a
// correct state (one user, a working session, the last acknowledged profile).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useTestEmulator } from './support/emulator';
import { printFigures } from './support/figures';
import { isTyped, type CallAnswer } from './support/functions';

const FAULT_RATE = 0.2;
const LATENCY_MS = 10;
const USERS = 20;
const MAX_ATTEMPTS = 30; // bounds every "repeat until it works" loop
const ROOT = path.resolve(__dirname, '../..');

/** The functions' timeout from cloudbaserc.json, plus a margin for the host to answer. */
function callTimeoutMs(): number {
  const rc = JSON.parse(readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
    functionDefaultConfig?: { timeout?: number };
  };
  return ((rc.functionDefaultConfig?.timeout ?? 3) + 5) * 1000;
}

describe('faults: database fault rate 0.2 with added latency', () => {
  const suite = useTestEmulator();
  const timeoutMs = callTimeoutMs();
  const outcomes: Record<string, number> = {};
  let hung = 0;
  let untyped: CallAnswer[] = [];

  /** One call; a hang shows up as our HTTP timeout firing. */
  const attempt = async (
    name: string,
    event: object,
    openid: string,
  ): Promise<CallAnswer | 'hung'> => {
    try {
      const answer = await suite.fns.call(name, event, openid, timeoutMs);
      const key =
        answer.kind === 'error'
          ? answer.code
          : answer.kind === 'failed'
            ? `errCode ${answer.errCode}`
            : answer.kind;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      if (!isTyped(answer)) untyped.push(answer);
      return answer;
    } catch {
      hung += 1;
      return 'hung';
    }
  };

  /** Repeats a call until it succeeds (bounded); resolves with its data and the attempts made. */
  const untilOk = async (name: string, event: object, openid: string) => {
    for (let i = 1; i <= MAX_ATTEMPTS; i += 1) {
      const answer = await attempt(name, event, openid);
      if (answer !== 'hung' && answer.kind === 'ok') return { data: answer.data, attempts: i };
    }
    throw new Error(`${name} for ${openid} never succeeded in ${MAX_ATTEMPTS} attempts`);
  };

  /**
   * Open, unexpired sessions of these users whose user document does not exist. Sessions are
   * read first: a call still running may add a user and then its session meanwhile, and that
   * session's user is then in the later read (reading users first would see a false orphan).
   */
  const usableSessionsWithoutUser = async (openids: string[]) => {
    const sessions = await suite.admin.find('sessions', {
      openid: { $in: openids },
      revokedAt: null,
      expiresAt: { $gt: Date.now() },
    });
    const users = await suite.admin.find('users', { _openid: { $in: openids } });
    const userOpenids = new Set(users.map((u) => String(u._openid)));
    return sessions.filter((s) => !userOpenids.has(String(s.openid)));
  };

  test('every call ends typed and in time; repeating converges', async () => {
    // Evidence that faults reached the functions: invocations whose log shows an injected one.
    let invocationsHitByFaults = 0;
    suite.emulator.running.events.on('invocation', (event) => {
      if (event.logs.some((line) => line.text.includes('injected fault')))
        invocationsHitByFaults += 1;
    });
    suite.emulator.setFaults({ latencyMs: LATENCY_MS, faultRate: FAULT_RATE });
    const callsBefore = suite.emulator.databaseCalls();
    const faultsBefore = suite.emulator.faultsInjected();
    const openids = Array.from({ length: USERS }, (_, i) => `faults-user-${i}`);
    const loginAttempts = new Map<string, number>();
    const loginAcks = new Map<string, number>();
    const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

    // Chaos: per user, 3 concurrent logins, then checks and profile writes with any token.
    await Promise.all(
      openids.map(async (openid) => {
        const logins = await Promise.all(
          [0, 1, 2].map(async () => {
            bump(loginAttempts, openid);
            const answer = await attempt('login', {}, openid);
            if (answer !== 'hung' && answer.kind === 'ok') bump(loginAcks, openid);
            return answer;
          }),
        );
        let token = 'f'.repeat(64); // no login got through: the calls below meet SESSION_INVALID
        for (const answer of logins) {
          if (answer !== 'hung' && answer.kind === 'ok') token = String(answer.data.token);
        }
        await Promise.all([
          attempt('checkSession', { token }, openid),
          attempt('checkSession', { token, withUser: true }, openid),
          attempt('updateUserInfo', { token, profile: { nickName: `故障-${openid}` } }, openid),
          attempt('updateUserInfo', { token, profile: { city: 'Faultville' } }, openid),
        ]);
      }),
    );

    // Orphans right after the chaos phase, before convergence repairs anything: a usable session
    // (open, unexpired) whose user does not exist. Read with faults off, then switched back on.
    suite.emulator.setFaults({ latencyMs: 0, faultRate: 0 });
    const orphanSessions = await usableSessionsWithoutUser(openids);
    suite.emulator.setFaults({ latencyMs: LATENCY_MS, faultRate: FAULT_RATE });

    // Convergence, faults still on: log in, write the final profile, confirm the session.
    const finals = new Map<string, { token: string; nickName: string }>();
    for (const openid of openids) {
      bump(loginAttempts, openid);
      const { data, attempts } = await untilOk('login', {}, openid);
      loginAttempts.set(openid, (loginAttempts.get(openid) ?? 0) + attempts - 1);
      bump(loginAcks, openid);
      const token = String(data.token);
      const nickName = `最终-${openid.slice(-2)}`;
      await untilOk('updateUserInfo', { token, profile: { nickName } }, openid);
      await untilOk('checkSession', { token }, openid);
      finals.set(openid, { token, nickName });
    }
    const databaseCalls = suite.emulator.databaseCalls() - callsBefore;
    const faultsInjected = suite.emulator.faultsInjected() - faultsBefore;
    suite.emulator.setFaults({ latencyMs: 0, faultRate: 0 });

    // The state, read with faults off.
    const users = await suite.admin.find('users', { _openid: { $in: openids } });
    orphanSessions.push(...(await usableSessionsWithoutUser(openids)));
    const wrong: string[] = [];
    for (const openid of openids) {
      const mine = users.filter((u) => u._openid === openid);
      const final = finals.get(openid);
      if (mine.length !== 1) wrong.push(`${openid}: ${mine.length} user documents`);
      const user = mine[0];
      if (user?.nickName !== final?.nickName)
        wrong.push(`${openid}: nickName ${String(user?.nickName)}`);
      const count = Number(user?.loginCount);
      if (!(count >= (loginAcks.get(openid) ?? 0) && count <= (loginAttempts.get(openid) ?? 0))) {
        wrong.push(`${openid}: loginCount ${count} outside [acknowledged, attempted]`);
      }
      const check = await suite.fns.call('checkSession', { token: final?.token }, openid);
      if (check.kind !== 'ok') wrong.push(`${openid}: final session not valid`);
    }

    const requests = Object.values(outcomes).reduce((a, b) => a + b, 0) + hung;
    printFigures('faults', {
      requests,
      ...Object.fromEntries(Object.entries(outcomes).map(([k, v]) => [`answered ${k}`, v])),
      'database calls under faults': databaseCalls,
      'faults injected (counted by the emulator)': faultsInjected,
      'invocations that logged an injected fault': invocationsHitByFaults,
      'hung calls': hung,
      'untyped answers': untyped.length,
      'usable sessions without a user (after chaos, and at the end)': orphanSessions.length,
      'users not converged': wrong.length,
    });
    expect(hung).toBe(0);
    expect(untyped).toEqual([]);
    expect(orphanSessions).toEqual([]);
    expect(wrong).toEqual([]);
    // The faults really were exercised: some calls failed and were repeated.
    expect(requests).toBeGreaterThan(USERS * 10);
    expect(invocationsHitByFaults).toBeGreaterThan(0);
    expect(faultsInjected).toBeGreaterThan(0);
    untyped = [];
  });
});
