/**
 * A WeChat DevTools project as it is (issue 23 item 1): no cloudbaserc.json, functions under
 * project.config.json's cloudfunctionRoot (`cloud/functions/`), triggers and permissions in
 * each function's config.json, production's defaults for what the cloud console keeps.
 * `--project` may name the project root or its functions folder.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src';
import { buildEmulator, repoRoot } from './support';

const devtoolsProject = path.join(repoRoot, 'test/fixtures/devtools-project');
const functionsFolder = path.join(devtoolsProject, 'cloud/functions');
const names = (emulator: RunningEmulator) => emulator.functions.list().map((fn) => fn.name);

describe('a DevTools project, --project at its root', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    buildEmulator();
    emulator = await startEmulator({ project: devtoolsProject, runtimeNode: 'local' });
  });
  afterAll(() => emulator?.stop());

  test('finds every function under cloudfunctionRoot', () => {
    expect(emulator.project.layout).toBe('devtools');
    expect(emulator.project.name).toBe('course-booking');
    expect(names(emulator)).toEqual(['book', 'leaky', 'notify', 'tick']);
  });

  test('runs a multi-file function', async () => {
    const reply = await emulator.callFunction(
      'book',
      { courseStart: '2099-01-01 10:00' },
      { openid: 'o-student' },
    );
    expect(reply.result).toMatchObject({ ok: true, message: '预约成功' });
  });

  test("production's defaults apply to settings kept in the cloud console (3 s, 256 MB)", async () => {
    const reply = await emulator.callFunction('notify', {}, { openid: 'o-student' });
    expect(reply.result).toEqual({ name: 'notify', memory: 256, timeoutMs: 3000 });
  });

  test("config.json's timer trigger is scheduled and runs", async () => {
    expect(emulator.triggers.list().map((t) => `${t.functionName}/${t.name} ${t.config}`)).toEqual([
      'tick/everyFiveMinutes 0 */5 * * * * *',
    ]);
    const outcome = await emulator.triggers.run('tick', 'everyFiveMinutes');
    expect(outcome).toMatchObject({ ok: true });
  });
});

test('--project at the functions folder finds the same project', async () => {
  const emulator = await startEmulator({ project: functionsFolder, runtimeNode: 'local' });
  try {
    expect(emulator.project.dir).toBe(devtoolsProject);
    expect(emulator.project.layout).toBe('devtools');
    expect(names(emulator)).toEqual(['book', 'leaky', 'notify', 'tick']);
  } finally {
    await emulator.stop();
  }
});

test('a bare functions folder (no project.config.json above) is a project by itself', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'devtools-functions-'));
  try {
    cpSync(path.join(functionsFolder, 'book'), path.join(dir, 'book'), { recursive: true });
    const emulator = await startEmulator({ project: dir, runtimeNode: 'local' });
    expect(emulator.project.layout).toBe('functions-folder');
    expect(names(emulator)).toEqual(['book']);
    await emulator.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with both files, cloudbaserc.json names the functions and config.json adds triggers', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'devtools-both-'));
  try {
    cpSync(devtoolsProject, dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'cloudbaserc.json'),
      JSON.stringify({
        envId: 'both-env',
        functionRoot: 'cloud/functions',
        functions: [{ name: 'notify', timeout: 20, memorySize: 128 }, { name: 'tick' }],
      }),
    );
    const emulator = await startEmulator({ project: dir, runtimeNode: 'local' });
    try {
      expect(emulator.project.layout).toBe('cloudbaserc');
      expect(emulator.project.envId).toBe('both-env');
      const reply = await emulator.callFunction('notify', {}, { openid: 'o-student' });
      expect(reply.result).toEqual({ name: 'notify', memory: 128, timeoutMs: 20_000 });
      expect(emulator.triggers.list().map((t) => `${t.functionName}/${t.name}`)).toEqual([
        'tick/everyFiveMinutes',
      ]);
    } finally {
      await emulator.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder that is no project says what to pass', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'not-a-project-'));
  try {
    await expect(startEmulator({ project: dir })).rejects.toThrow(
      /no cloudbaserc\.json or project\.config\.json in .*: pass --project <mini program project root, or its cloud functions folder>/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
