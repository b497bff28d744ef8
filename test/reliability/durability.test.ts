// Durability: kill -9 the emulator CLI during a burst of writes (direct inserts through /admin
// and logins through the functions); after a restart on the same data directory every write
// the emulator acknowledged is there. Unacknowledged writes (in
// flight at the kill) may or may not be there; both are allowed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AdminClient } from './support/admin';
import { startCli, type CliEmulator } from '../support/cli-process';
import { printFigures } from './support/figures';
import { FunctionsClient } from './support/functions';

const WRITERS = 6;
const LOGIN_WRITERS = 2;
const KILL_AFTER_ACKS = 600;
const MAX_WRITES = 20_000; // bounds the burst if the kill never comes

describe('durability: kill -9 during a burst of writes', () => {
  let dataDir: string;
  let emulator: CliEmulator | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'reliability-durability-'));
  });

  afterAll(async () => {
    await emulator?.stop();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  test('every acknowledged write survives kill -9 and restart', async () => {
    emulator = await startCli(['--data-dir', dataDir]);
    const admin = new AdminClient(`${emulator.url}/admin`);
    await admin.addCollection('durability');

    const fns = new FunctionsClient(emulator.url);
    const acknowledged: string[] = [];
    const loginAcks = new Map<string, number>();
    let attempted = 0;
    let failedInFlight = 0;
    let killed = false;
    const killing = new Promise<void>((resolve) => {
      const writer = async (w: number) => {
        while (!killed && attempted < MAX_WRITES) {
          const id = `w${w}-${(attempted += 1)}`;
          try {
            const ids = await admin.insert('durability', [{ _id: id, writer: w, at: Date.now() }]);
            if (ids.includes(id)) acknowledged.push(id);
          } catch {
            failedInFlight += 1; // the connection died with the process: not acknowledged
          }
          if (!killed && acknowledged.length >= KILL_AFTER_ACKS) {
            killed = true;
            void emulator?.kill9().then(resolve);
          }
        }
      };
      // Logins through the whole stack (function -> wx-server-sdk -> /admin -> SQLite) at once.
      const loginWriter = async (k: number) => {
        const openid = `durable-user-${k}`;
        while (!killed && attempted < MAX_WRITES) {
          attempted += 1;
          try {
            const answer = await fns.call('login', {}, openid, 10_000);
            if (answer.kind === 'ok') loginAcks.set(openid, (loginAcks.get(openid) ?? 0) + 1);
          } catch {
            failedInFlight += 1;
          }
        }
      };
      const writers = [
        ...Array.from({ length: WRITERS }, (_, w) => writer(w)),
        ...Array.from({ length: LOGIN_WRITERS }, (_, k) => loginWriter(k)),
      ];
      void Promise.all(writers).then(() => {
        if (!killed) resolve();
      });
    });
    await killing;
    expect(killed).toBe(true);

    emulator = await startCli(['--data-dir', dataDir]);
    const restarted = new AdminClient(`${emulator.url}/admin`);
    const stored = await restarted.find('durability', {}, MAX_WRITES);
    const storedIds = new Set(stored.map((doc) => String(doc._id)));
    const lost = acknowledged.filter((id) => !storedIds.has(id));
    const users = await restarted.find('users', { _openid: { $in: [...loginAcks.keys()] } });
    const lostLogins = [...loginAcks].filter(([openid, acks]) => {
      const user = users.find((u) => u._openid === openid);
      return !user || Number(user.loginCount) < acks;
    });

    printFigures('durability', {
      'requests (inserts + logins)': attempted,
      'inserts acknowledged': acknowledged.length,
      'in flight at kill -9 (failed)': failedInFlight,
      'documents after restart': storedIds.size,
      'acknowledged inserts lost': lost.length,
      'logins acknowledged': [...loginAcks.values()].reduce((a, b) => a + b, 0),
      'users whose loginCount fell below their acknowledged logins': lostLogins.length,
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(lost).toEqual([]);
    expect(loginAcks.size).toBe(LOGIN_WRITERS);
    expect(lostLogins).toEqual([]);
  });
});
