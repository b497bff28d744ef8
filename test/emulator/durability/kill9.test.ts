/**
 * Every acknowledged write survives `kill -9` of the emulator: writes go through a function
 * (the real SDK) and straight to /admin, the process is killed mid-burst, and after a restart
 * on the same data directory each acknowledged document is there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEmulator, cliPath, fixtureProject } from '../host/support';

const COLLECTION = 'durable';
const WRITERS = 6;
/** Kill after this many acknowledged writes (or after BURST_MS, whichever comes first). */
const KILL_AFTER_ACKS = 150;
const BURST_MS = 8000;

let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  buildEmulator();
  dataDir = mkdtempSync(path.join(tmpdir(), 'emu-durability-'));
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startCli(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [cliPath, '--port', '0', '--project', fixtureProject, '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${output}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
  });
  return { child, url };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
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
  const first = await startCli();
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
        first.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  if (!killed) first.child.kill('SIGKILL');
  await exited(first.child);
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(acknowledged.length).toBeGreaterThan(0);

  const second = await startCli();
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
  second.child.kill('SIGTERM');
  await exited(second.child);
}, 60_000);
