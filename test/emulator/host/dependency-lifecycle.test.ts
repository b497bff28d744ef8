/**
 * The dependency lifecycle developers go through (issue 23 item 4): the start names functions
 * whose dependencies are not installed; a call fails with "Cannot find module"; after
 * `npm install` the next call works (the failed instance was not kept); any later change in the
 * folder, node_modules included, recycles warm instances. File times are set explicitly, so
 * nothing depends on the file system's timestamp granularity.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src';
import type { Logger } from '../../../emulator/src/logging/logger';
import { buildEmulator } from './support';

let project: string;
let fnDir: string;
let emulator: RunningEmulator;
const lines: string[] = [];
const logger: Logger = {
  log: (_level, message) => lines.push(message),
  functionOutput: () => undefined,
};
let tick = Date.now() / 1000;

/** Writes a file and gives it (and its folder) a modification time later than any before. */
function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  tick += 10;
  utimesSync(file, tick, tick);
  utimesSync(path.dirname(file), tick, tick);
}

/** What `npm install` leaves: the package, and npm's record in node_modules/.package-lock.json. */
function install(version: string): void {
  const pkg = path.join(fnDir, 'node_modules/greeting-lib');
  write(path.join(pkg, 'package.json'), JSON.stringify({ name: 'greeting-lib', version }));
  write(path.join(pkg, 'index.js'), `module.exports = () => 'greeting-lib ${version}';`);
  write(path.join(fnDir, 'node_modules/.package-lock.json'), JSON.stringify({ version }));
}

const call = () => emulator.callFunction('greet', {}, { openid: 'o-1' });

beforeAll(async () => {
  buildEmulator();
  // Outside the repository: no parent node_modules can supply anything.
  project = mkdtempSync(path.join(tmpdir(), 'dep-lifecycle-'));
  write(
    path.join(project, 'project.config.json'),
    JSON.stringify({ cloudfunctionRoot: 'cloudfunctions/' }),
  );
  fnDir = path.join(project, 'cloudfunctions/greet');
  write(
    path.join(fnDir, 'package.json'),
    JSON.stringify({ name: 'greet', dependencies: { 'greeting-lib': '^1.0.0' } }),
  );
  write(path.join(fnDir, 'lib/suffix.js'), "module.exports = '!';");
  write(
    path.join(fnDir, 'index.js'),
    "const greet = require('greeting-lib');\nconst suffix = require('./lib/suffix');\n" +
      'exports.main = async () => greet() + suffix;\n',
  );
  emulator = await startEmulator({ project, runtimeNode: 'local', logger });
});

afterAll(async () => {
  await emulator?.stop();
  rmSync(project, { recursive: true, force: true });
});

test('the start names the function whose dependencies are not installed, and what to run', () => {
  expect(lines.filter((line) => line.includes('not installed'))).toEqual([
    `function "greet": dependencies not installed: greeting-lib; to run it here: cd ${fnDir} && npm install`,
  ]);
});

test('after npm install the next call works: the instance whose load failed was not kept', async () => {
  const before = await call();
  expect(before.status).toBe(500);
  expect(before.errMsg).toMatch(/Cannot find module 'greeting-lib'/);
  install('1.0.0');
  const after = await call();
  expect(after.result).toBe('greeting-lib 1.0.0!');
});

test('a change to any file of the folder recycles the warm instance', async () => {
  write(path.join(fnDir, 'lib/suffix.js'), "module.exports = '?';");
  expect((await call()).result).toBe('greeting-lib 1.0.0?');
});

test('an install that changes node_modules recycles it too', async () => {
  install('1.1.0');
  expect((await call()).result).toBe('greeting-lib 1.1.0?');
});
