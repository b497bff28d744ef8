/**
 * Every acknowledged write survives `kill -9` of the emulator: writes go through a function
 * (the real SDK) and straight to /admin, the process is killed mid-burst, and after a restart
 * on the same data directory each acknowledged document is there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCli, type CliEmulator } from '../support/cli-process';
import { buildEmulator, fixtureProject } from '../emulator/host/support';

const COLLECTION = 'durable';
const WRITERS = 6;
/** Kill after this many acknowledged writes (or after BURST_MS, whichever comes first). */
const KILL_AFTER_ACKS = 150;
const BURST_MS = 8000;

let dataDir: string;
const started: CliEmulator[] = [];

beforeAll(() => {
  buildEmulator();
  dataDir = mkdtempSync(path.join(tmpdir(), 'emu-durability-'));
});

afterAll(async () => {
  await Promise.all(started.map((cli) => cli.kill9()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function startOnDataDir(): Promise<CliEmulator> {
  const cli = await startCli(['--project', fixtureProject, '--data-dir', dataDir]);
  started.push(cli);
  return cli;
}

async function admin(url: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/admin?env=local&seqId=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

/** One write, through the function or straight to /admin; resolves true only when acknowledged. */
async function write(url: string, id: string, viaFunction: boolean): Promise<boolean> {
  try {
    if (viaFunction) {
      const res = await fetch(`${url}/functions/addOne`, {
        method: 'POST',
        headers: { 'x-wx-openid': 'o-durable', 'content-type': 'application/json' },
        body: JSON.stringify({ data: { collection: COLLECTION, id } }),
      });
      const body = (await res.json()) as { result?: { id?: string } };
      return res.status === 200 && body.result?.id === id;
    }
    const reply = await admin(url, {
      action: 'database.insertDocument',
      collectionName: COLLECTION,
      data: [JSON.stringify({ _id: id, n: { $numberInt: '1' } })],
    });
    const inserted = (reply.data as { insertedIds?: unknown[] } | undefined)?.insertedIds;
    return Array.isArray(inserted) && inserted.includes(id);
  } catch {
    return false; // The connection died with the process: not acknowledged.
  }
}

test('acknowledged writes are all present after kill -9 and restart', async () => {
  const first = await startOnDataDir();
  await admin(first.url, { action: 'database.addCollection', collectionName: COLLECTION });

  const acknowledged: string[] = [];
  let killed = false;
  const deadline = Date.now() + BURST_MS;
  const writer = async (w: number): Promise<void> => {
    for (let i = 0; !killed && Date.now() < deadline && i < 10_000; i += 1) {
      const id = `w${w}-${i}`;
      if (await write(first.url, id, w % 2 === 0)) acknowledged.push(id);
      if (!killed && acknowledged.length >= KILL_AFTER_ACKS) {
        killed = true;
        first.process.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  await first.kill9();
  expect(first.process.signalCode).toBe('SIGKILL');
  expect(acknowledged.length).toBeGreaterThan(0);

  const second = await startOnDataDir();
  const missing: string[] = [];
  for (const id of acknowledged) {
    const reply = await admin(second.url, {
      action: 'database.getDocument',
      collectionName: COLLECTION,
      queryType: 'DOC',
      query: JSON.stringify({ _id: id }),
      multi: false,
    });
    const list = (reply.data as { list?: unknown[] } | undefined)?.list ?? [];
    if (list.length !== 1) missing.push(id);
  }
  expect(missing).toEqual([]);
  expect(await second.stop()).toBe(0);
}, 60_000);
