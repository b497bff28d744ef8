/** The CLI's data options reach the database: --export-on-exit, --import, --db-fault-rate. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCli, type CliEmulator } from '../../support/cli-process';
import { buildEmulator, cliPath, fixtureProject } from '../host/support';

let tmp: string;
const started: CliEmulator[] = [];
const children: ChildProcess[] = [];

beforeAll(() => {
  buildEmulator();
  tmp = mkdtempSync(path.join(tmpdir(), 'emu-cli-data-'));
});

afterAll(async () => {
  await Promise.all(started.map((cli) => cli.kill9()));
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

async function start(args: string[]): Promise<CliEmulator> {
  const cli = await startCli(['--project', fixtureProject, ...args]);
  started.push(cli);
  return cli;
}

async function admin(url: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

test('--export-on-exit writes an export on SIGTERM, and --import loads it into a fresh emulator', async () => {
  const exportDir = path.join(tmp, 'export');
  const first = await start(['--in-memory', '--export-on-exit', exportDir]);
  await admin(first.url, { action: 'database.addCollection', collectionName: 'kept' });
  await admin(first.url, {
    action: 'database.insertDocument',
    collectionName: 'kept',
    data: [JSON.stringify({ _id: 'doc-1', n: { $numberInt: '7' } })],
  });
  expect(await first.stop()).toBe(0);
  expect(existsSync(path.join(exportDir, 'manifest.json'))).toBe(true);
  expect(readFileSync(path.join(exportDir, 'manifest.json'), 'utf8')).toContain('"kept"');

  const second = await start(['--in-memory', '--import', exportDir]);
  const reply = await admin(second.url, {
    action: 'database.getDocument',
    collectionName: 'kept',
    queryType: 'DOC',
    query: JSON.stringify({ _id: 'doc-1' }),
  });
  expect((reply.data as { list: string[] }).list).toHaveLength(1);
  expect(await second.stop()).toBe(0);
});

test('--db-fault-rate 1 makes every database call fail with SYS_ERR', async () => {
  const faulty = await start(['--in-memory', '--db-fault-rate', '1']);
  const reply = await admin(faulty.url, { action: 'database.addCollection', collectionName: 'x' });
  expect(reply.code).toBe('SYS_ERR');
  expect(await faulty.stop()).toBe(0);
});

test('a bad --db-fault-rate is a one-line error', async () => {
  const child = spawn(process.execPath, [cliPath, '--in-memory', '--db-fault-rate', '2'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).not.toBe(0);
  expect(stderr.trim()).toBe('error: --db-fault-rate must be a number from 0 to 1 (got "2")');
});
