/** cloudbaserc.json as `tcb fn deploy` reads it: defaults merged, {{env.X}}, folder functions. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  findFunction,
  listFunctions,
  loadProject,
  resolveEnvPlaceholders,
} from '../../../emulator/src/config/cloudbaserc';
import { EmulatorStartError } from '../../../emulator/src/config/errors';
import { fixtureProject } from './support';

let tmp: string;

beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'emu-config-'));
});

afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function project(rc: unknown): string {
  writeFileSync(
    path.join(tmp, 'cloudbaserc.json'),
    typeof rc === 'string' ? rc : JSON.stringify(rc),
  );
  return tmp;
}

test('functionDefaultConfig is merged into each entry; entries win', () => {
  const loaded = loadProject(fixtureProject);
  const sleeper = loaded.listed.get('sleeper');
  expect(sleeper).toMatchObject({
    timeoutSeconds: 1,
    memorySize: 128,
    handler: 'index.main',
    runtime: 'Nodejs18.15',
  });
  expect(loaded.listed.get('counter')).toMatchObject({
    timeoutSeconds: 10,
    envVariables: { FROM_DEFAULTS: 'yes' },
  });
  expect(loaded.functionRoot).toBe(path.join(fixtureProject, 'functions'));
});

test('envId resolves {{env.X}} from the environment, falls back to local, and an override wins', () => {
  expect(resolveEnvPlaceholders('a-{{env.CFG_TEST_X}}-b', { CFG_TEST_X: 'x' })).toBe('a-x-b');
  expect(resolveEnvPlaceholders('{{ env.CFG_TEST_MISSING }}', {})).toBe('');
  const dir = project({ envId: '{{env.CFG_TEST_UNSET_VAR}}' });
  expect(loadProject(dir).envId).toBe('local');
  expect(loadProject(dir, 'my-env').envId).toBe('my-env');
  expect(loadProject(project({ envId: 'fixed-env' })).envId).toBe('fixed-env');
});

test('defaults without a cloudbaserc entry: functions/ root, 3 s timeout, index.main', () => {
  const dir = project({});
  mkdirSync(path.join(dir, 'functions', 'solo'), { recursive: true });
  writeFileSync(path.join(dir, 'functions', 'solo', 'index.js'), 'exports.main = async () => 1;');
  mkdirSync(path.join(dir, 'functions', 'empty-folder'));
  const loaded = loadProject(dir);
  expect(findFunction(loaded, 'solo')).toMatchObject({ timeoutSeconds: 3, handler: 'index.main' });
  expect(findFunction(loaded, 'empty-folder')).toBeUndefined();
  expect(listFunctions(loaded).map((fn) => fn.name)).toEqual(['solo']);
});

test('names that could leave the function root are not functions', () => {
  const loaded = loadProject(fixtureProject);
  for (const name of ['..', '../echo', 'echo/../counter', '', 'a b']) {
    expect(findFunction(loaded, name)).toBeUndefined();
  }
});

test('a broken, missing or malformed cloudbaserc.json is an EmulatorStartError that says what to do', () => {
  expect(() => loadProject(project('{ "functions": ['))).toThrow(EmulatorStartError);
  expect(() => loadProject(project('{ "functions": ['))).toThrow(/not valid JSON.*fix the file/);
  expect(() => loadProject(project('[1]'))).toThrow(/not valid JSON/);
  expect(() => loadProject(project({ functions: [{ timeout: 3 }] }))).toThrow(/needs a "name"/);
  expect(() => loadProject(path.join(tmp, 'nowhere'))).toThrow(
    /--project .*nowhere does not exist/,
  );
});
