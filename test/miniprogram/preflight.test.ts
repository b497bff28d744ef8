/**
 * `npm run preflight` (issue 26, item 8): what still blocks a release, one line each with how to
 * fix it, read from the files a release is made of; the platform settings no file shows are
 * listed as reminders with links. Run as the script runs, on copies of the repository's files.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts', 'preflight.mjs');
const FILES = [
  'project.config.json',
  'cloudbaserc.json',
  'miniprogram/config/env.ts',
  'miniprogram/config/agreement.ts',
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-'));
  for (const file of FILES)
    cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: true });
  // Built functions, as `npm run build` leaves them.
  const rc = JSON.parse(readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
    functions: Array<{ name: string }>;
  };
  for (const { name } of rc.functions) {
    mkdirSync(path.join(dir, 'cloudfunctions', name), { recursive: true });
    writeFileSync(path.join(dir, 'cloudfunctions', name, 'index.js'), '');
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function preflight(args: string[] = []) {
  const run = spawnSync(process.execPath, [SCRIPT, '--root', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TCB_ENV_ID: '' },
  });
  return { status: run.status, lines: `${run.stdout}${run.stderr}`.split('\n') };
}

const edit = (file: string, from: RegExp | string, to: string) => {
  const full = path.join(dir, file);
  writeFileSync(full, readFileSync(full, 'utf8').replace(from, to));
};

/** What a team changes before its first release. */
function makeReleasable(): void {
  edit('project.config.json', '"touristappid"', '"wx0123456789abcdef"');
  edit('miniprogram/config/env.ts', /develop: '[^']*'/, "develop: 'prod-1a2b'");
  edit('miniprogram/config/env.ts', /trial: '[^']*'/, "trial: 'prod-1a2b'");
  edit('miniprogram/config/env.ts', /release: '[^']*'/, "release: 'prod-1a2b'");
  edit(
    'miniprogram/config/agreement.ts',
    'AGREEMENT_IS_TEMPLATE = true',
    'AGREEMENT_IS_TEMPLATE = false',
  );
  edit('cloudbaserc.json', '"ADMIN_OPENIDS": ""', '"ADMIN_OPENIDS": "oAdmin123"');
}

const blockers = (lines: string[]) => lines.filter((line) => line.startsWith('✗'));
const reminders = (lines: string[]) => lines.filter((line) => line.startsWith('!'));

test('the repository as shipped: every placeholder is a blocker with its fix, exit 1', () => {
  const { status, lines } = preflight();
  expect(status).toBe(1);
  const found = blockers(lines).join('\n');
  expect(found).toMatch(/touristappid.*AppID/);
  expect(found).toMatch(/wx-cloud-login-dev.*环境 ID/);
  expect(found).toMatch(/ADMIN_OPENIDS/);
  expect(found).toMatch(/用户协议/);
  expect(blockers(lines)).toHaveLength(4);
});

test('a releasable project passes with reminders only (base library, privacy declarations)', () => {
  makeReleasable();
  const { status, lines } = preflight();
  expect(blockers(lines)).toEqual([]);
  expect(status).toBe(0);
  const notes = reminders(lines).join('\n');
  expect(notes).toMatch(/基础库最低版本.*2\.32\.3.*https:\/\/developers\.weixin\.qq\.com/);
  expect(notes).toMatch(/隐私.*头像.*昵称.*手机号.*https:\/\/developers\.weixin\.qq\.com/);
});

test('phone binding switched off: the privacy reminder does not ask for the phone number', () => {
  makeReleasable();
  edit('cloudbaserc.json', '"PHONE_BIND_MAX_PER_DAY": "5"', '"PHONE_BIND_MAX_PER_DAY": "0"');
  const privacy = reminders(preflight().lines).find((line) => line.includes('隐私保护指引'));
  expect(privacy).toMatch(/头像.*昵称/);
  expect(privacy).not.toMatch(/手机号/);
});

test('a function that was not built is a blocker, unless the build runs next (npm run deploy)', () => {
  makeReleasable();
  rmSync(path.join(dir, 'cloudfunctions', 'login', 'index.js'));
  const { status, lines } = preflight();
  expect(status).toBe(1);
  expect(blockers(lines)).toEqual([expect.stringMatching(/cloudfunctions\/login.*npm run build/)]);
  expect(preflight(['--build-follows']).status).toBe(0);
});

test('deploying to an environment the 正式版 does not use is a blocker', () => {
  makeReleasable();
  const run = spawnSync(process.execPath, [SCRIPT, '--root', dir], {
    encoding: 'utf8',
    env: { ...process.env, TCB_ENV_ID: 'other-env' },
  });
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/✗ .*other-env.*prod-1a2b/);
});
