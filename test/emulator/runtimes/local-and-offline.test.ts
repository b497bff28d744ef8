/**
 * The ways around the exact runtime: `--runtime-node local` (this Node), `--node <runtime>=<path>`
 * (a binary the user names), and what happens offline or with a runtime the cloud does not run:
 * the start stops with one line that names the function and the way out.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../../emulator/src/index';
import { buildEmulator, cliPath, repoRoot } from '../host/support';

const fixture = path.join(repoRoot, 'test/fixtures/runtime-project');
const caller = { openid: 'o-runtime-options' };

const temps: string[] = [];

beforeAll(() => buildEmulator());

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A project with one function, `node18` from the fixture, on `runtime`. */
function projectWithRuntime(runtime: string): string {
  const dir = tempDir('wxcl-runtime-');
  cpSync(path.join(fixture, 'functions/node18'), path.join(dir, 'functions/node18'), {
    recursive: true,
  });
  const rc = { functionRoot: 'functions', functions: [{ name: 'node18', runtime }] };
  writeFileSync(path.join(dir, 'cloudbaserc.json'), JSON.stringify(rc));
  return dir;
}

/** A port nothing listens on: an npm registry that cannot be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs the CLI to its exit (bounded); resolves exit code and output. */
function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cliPath, '--port', '0', '--in-memory', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

test('runtimeNode local runs every function on the Node running the emulator', async () => {
  const emu = await startEmulator({ project: fixture, runtimeNode: 'local' });
  try {
    const reply = await emu.callFunction('node16', {}, caller);
    expect(reply.result).toMatchObject({ version: process.version });
    // And an API this Node has works, as it did before exact runtimes.
    const newApi = await emu.callFunction('newApi', {}, caller);
    expect(newApi.result).toEqual({ sorted: [1, 2, 3] });
  } finally {
    await emu.stop();
  }
});

test('--node <runtime>=<path> runs that runtime on the given binary', async () => {
  const emu = await startEmulator({
    project: fixture,
    nodePaths: { 'Nodejs18.15': process.execPath },
  });
  try {
    const on18 = await emu.callFunction('node18', {}, caller);
    expect(on18.result).toMatchObject({ version: process.version });
    const on16 = await emu.callFunction('node16', {}, caller);
    expect(on16.result).toMatchObject({ version: 'v16.13.0' });
  } finally {
    await emu.stop();
  }
});

test('offline with an empty cache, the CLI stops with one line naming the function and the ways out', async () => {
  const port = await closedPort();
  const result = await runCli(['--project', projectWithRuntime('Nodejs18.15')], {
    WX_EMULATOR_RUNTIME_CACHE: tempDir('wxcl-empty-cache-'),
    npm_config_registry: `http://127.0.0.1:${port}/`,
  });
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^error: function "node18": cannot get Node\.js 18\.15\.0 for Nodejs18\.15 \(node-[a-z]+-[a-z0-9]+@18\.15\.0 from the npm registry\): .*ECONNREFUSED/,
  );
  expect(lines[0]).toContain('--node Nodejs18.15=<path to node>');
  expect(lines[0]).toContain('--runtime-node local');
});

test('offline with an empty cache, runtimeNode local still starts and runs functions', async () => {
  const saved = process.env.npm_config_registry;
  process.env.npm_config_registry = `http://127.0.0.1:${await closedPort()}/`;
  try {
    const emu = await startEmulator({
      project: projectWithRuntime('Nodejs18.15'),
      runtimeNode: 'local',
      runtimeCacheDir: tempDir('wxcl-empty-cache-'),
    });
    try {
      const reply = await emu.callFunction('node18', {}, caller);
      expect(reply.result).toMatchObject({ version: process.version });
    } finally {
      await emu.stop();
    }
  } finally {
    if (saved === undefined) delete process.env.npm_config_registry;
    else process.env.npm_config_registry = saved;
  }
});

test.each([
  ['Nodejs14.18', 'runtime "Nodejs14.18" is retired'],
  ['Nodejs19.1', 'runtime "Nodejs19.1" is unknown'],
  ['Python3.9', 'runtime "Python3.9" is not a Node.js runtime'],
])('runtime %s stops the start with one line naming the function', async (runtime, reason) => {
  await expect(startEmulator({ project: projectWithRuntime(runtime) })).rejects.toThrow(
    `function "node18": ${reason}`,
  );
});

test('without a way to run it, a retired runtime stops the start naming both ways', async () => {
  await expect(startEmulator({ project: projectWithRuntime('Nodejs10.15') })).rejects.toThrow(
    /function "node18": runtime "Nodejs10\.15" is retired in the cloud .*: to run it anyway, pass --node Nodejs10\.15=<path to node>, or --runtime-node local/,
  );
});

test.each([
  ['--runtime-node local', { runtimeNode: 'local' as const }, `this Node (${process.version})`],
  [
    '--node Nodejs10.15=<node>',
    { nodePaths: { 'Nodejs10.15': process.execPath } },
    process.execPath,
  ],
])('a retired runtime runs with a warning under %s', async (_how, options, runsOn) => {
  const warnings: string[] = [];
  const emu = await startEmulator({
    project: projectWithRuntime('Nodejs10.15'),
    ...options,
    logger: {
      log: (level, line) => {
        if (level === 'warn') warnings.push(line);
      },
      functionOutput: () => undefined,
    },
  });
  try {
    expect(warnings).toContain(
      `function "node18": runtime "Nodejs10.15" is retired in the cloud (new functions use one of ` +
        `Nodejs16.13, Nodejs18.15, Nodejs20.19, Nodejs22.21, Nodejs24.11); running it on ${runsOn}`,
    );
    const reply = await emu.callFunction('node18', {}, caller);
    expect(reply.ok).toBe(true);
  } finally {
    await emu.stop();
  }
});

test.each([
  [['--node', 'Nodejs18.15'], '--node must be <runtime>=<path to node>'],
  [['--runtime-node', 'sometimes'], '--runtime-node must be exact or local (got "sometimes")'],
])('CLI %j is refused with one line', async (args, message) => {
  const result = await runCli([...args, '--project', fixture], {});
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(message);
});
