/** The CLI as `npm start` runs it: ready line, healthz, clean exit on SIGTERM, one-line errors. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEmulator, cliPath, fixtureProject } from '../host/support';

const READY = /http:\/\/127\.0\.0\.1:(\d+)/;
let tmp: string;

beforeAll(() => {
  buildEmulator();
  tmp = mkdtempSync(path.join(tmpdir(), 'emu-cli-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The CLI on the host fixture project, on a free port, plus `extra`. */
function fixtureArgs(...extra: string[]): string[] {
  return ['--port', '0', '--project', fixtureProject, ...extra];
}

function runCli(args: string[]): Run {
  const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function readyUrl(run: Run, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = READY.exec(run.stdout());
    if (found) return found[0];
    if (run.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  run.child.kill('SIGKILL');
  throw new Error(`CLI did not print its URL. stdout: ${run.stdout()} stderr: ${run.stderr()}`);
}

/** An error the user can act on: one line, no stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

test('starts, prints its URL, serves /healthz and a function, exits 0 on SIGTERM', async () => {
  const run = runCli(fixtureArgs('--data-dir', path.join(tmp, 'data')));
  const url = await readyUrl(run);
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ ok: true });
  const call = await fetch(`${url}/functions/counter`, {
    method: 'POST',
    headers: { 'x-wx-openid': 'o-cli', 'content-type': 'application/json' },
    body: '{"data":{}}',
  });
  const { pid } = ((await call.json()) as { result: { pid: number } }).result;
  run.child.kill('SIGTERM');
  expect(await run.exited).toEqual({ code: 0, signal: null });
  // Instances die with the emulator.
  expect(() => process.kill(pid, 0)).toThrow();
});

test('SIGINT stops it too (in-memory run)', async () => {
  const run = runCli(fixtureArgs('--in-memory'));
  await readyUrl(run);
  run.child.kill('SIGINT');
  expect((await run.exited).code).toBe(0);
});

test('a port in use is a one-line error that says what to do', async () => {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    const run = runCli(['--port', String(port), '--project', fixtureProject, '--in-memory']);
    const { code } = await run.exited;
    expect(code).not.toBe(0);
    expectOneLineError(run.stderr(), new RegExp(`port ${port} .*in use.*--port`));
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});

test('a broken cloudbaserc.json is a one-line error', async () => {
  const project = path.join(tmp, 'broken-project');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project);
  writeFileSync(path.join(project, 'cloudbaserc.json'), '{ "functions": [ ');
  const run = runCli(['--port', '0', '--project', project, '--in-memory']);
  expect((await run.exited).code).not.toBe(0);
  expectOneLineError(run.stderr(), /cloudbaserc\.json is not valid JSON.*fix the file/);
});

test('an unusable data directory is a one-line error', async () => {
  const notADir = path.join(tmp, 'a-file');
  writeFileSync(notADir, 'not a directory');
  const run = runCli(fixtureArgs('--data-dir', path.join(notADir, 'data')));
  expect((await run.exited).code).not.toBe(0);
  expectOneLineError(run.stderr(), /cannot use data directory .*--data-dir/);
});

test('a database latency over the database limit is a one-line error (one limit, not two)', async () => {
  const run = runCli(fixtureArgs('--in-memory', '--db-latency-ms', '60001'));
  expect((await run.exited).code).not.toBe(0);
  expectOneLineError(run.stderr(), /--db-latency-ms must be a number from 0 to 60000/);
});

test('an unknown option is refused with the usage', async () => {
  const run = runCli(['--no-such-option']);
  expect((await run.exited).code).not.toBe(0);
  expect(run.stderr()).toMatch(/no-such-option/);
  expect(run.stderr()).toMatch(/usage: wx-cloud-emulator /);
});

test('--help prints every option the parser accepts and exits 0', async () => {
  const run = runCli(['--help']);
  expect((await run.exited).code).toBe(0);
  // The option names as the parser declares them (emulator/src/cli-options.ts), so a new option
  // without a help line fails here.
  const source = readFileSync(path.join(__dirname, '../../../emulator/src/cli-options.ts'), 'utf8');
  const declared = [...source.matchAll(/^\s+'?([a-z-]+)'?: \{ type: '(?:string|boolean)'/gm)].map(
    (match) => match[1],
  );
  expect(declared.length).toBeGreaterThan(15);
  for (const name of declared) expect(run.stdout()).toContain(`--${name}`);
  expect(run.stdout()).toMatch(/^usage: wx-cloud-emulator \[options\]/m);
  expect(run.stderr()).toBe('');
});
