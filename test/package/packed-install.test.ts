/**
 * The installable command (issue 23 item 6): `npm pack` the emulator package, install the
 * tarball in an empty folder outside this repository, and run `wx-cloud-emulator` against a
 * DevTools-layout project copied there too, so nothing of this repository (its node_modules,
 * its sources) can be what makes it work.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const packageDir = path.join(repoRoot, 'emulator');
const fixture = path.join(repoRoot, 'test/fixtures/devtools-project');

let work: string;
let tarball: string;
let packedFiles: string[];
let app: string;
let child: ChildProcess | undefined;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'wx-cloud-emulator-pack-'));
  expect(path.relative(repoRoot, work).startsWith('..')).toBe(true);
  const [packed] = JSON.parse(
    npm(['pack', '--json', '--pack-destination', work], packageDir),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, packed!.filename);
  packedFiles = packed!.files.map((file) => file.path);
  app = path.join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'try-it', private: true }));
  npm(['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], app);
});

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the built command, runner, console and types, and no sources', () => {
  for (const file of [
    'package.json',
    'bin/wx-cloud-emulator.js',
    'dist/cli.js',
    'dist/index.js',
    'dist/runner.js',
    'dist/index.d.ts',
    'dist/console/index.html',
  ]) {
    expect(packedFiles).toContain(file);
  }
  expect(
    packedFiles.filter((file) => file.startsWith('src/') || file.startsWith('console/')),
  ).toEqual([]);
});

test('installed, it is a module with types and only its own dependencies', () => {
  const installed = path.join(app, 'node_modules/wx-cloud-emulator');
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  expect(manifest.bin).toEqual({ 'wx-cloud-emulator': 'bin/wx-cloud-emulator.js' });
  const probe = execFileSync(
    process.execPath,
    [
      '-e',
      "const m = require('wx-cloud-emulator'); let inner = 'exported';" +
        "try { require('wx-cloud-emulator/dist/cli.js') } catch (e) { inner = e.code }" +
        'console.log(typeof m.startEmulator, inner)',
    ],
    { cwd: app, encoding: 'utf8' },
  );
  expect(probe.trim()).toBe('function ERR_PACKAGE_PATH_NOT_EXPORTED');
  // Nothing of this repository's development tools comes along.
  for (const dev of ['jest', 'typescript', 'vite', 'wx-server-sdk']) {
    expect(() => require.resolve(dev, { paths: [app] })).toThrow();
  }
});

test('`wx-cloud-emulator --project <functions folder>` runs a DevTools project end to end', async () => {
  const project = path.join(work, 'course-booking');
  cpSync(fixture, project, { recursive: true });
  const bin = path.join(app, 'node_modules/.bin/wx-cloud-emulator');
  const help = execFileSync(bin, ['--help'], { encoding: 'utf8' });
  expect(help).toMatch(/^usage: wx-cloud-emulator/m);

  child = spawn(
    bin,
    ['--project', path.join(project, 'cloud/functions'), '--port', '0', '--in-memory'],
    {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      // The whole ready block (it may arrive in several chunks): its last line is the timers'.
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)\n[\s\S]*timer triggers[^\n]*\n/.exec(
        stdout,
      );
      if (found) resolve(found[1]!);
    };
    child!.stdout!.on('data', onData);
    child!.once('exit', (code) => reject(new Error(`exited ${code}: ${stdout}${stderr}`)));
  });
  expect(stdout).toContain('project: course-booking');
  expect(stdout).toContain('functions: book, leaky, notify, tick');
  expect(stdout).toContain('tick/everyFiveMinutes');

  const reply = await fetch(`${url}/functions/book`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-student' },
    body: JSON.stringify({ data: { courseStart: '2099-01-01 10:00' } }),
  });
  expect(reply.status).toBe(200);
  expect(((await reply.json()) as { result: unknown }).result).toMatchObject({
    ok: true,
    message: '预约成功',
  });
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});
