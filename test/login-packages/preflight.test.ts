/**
 * Issue 25 item 1: `wx-cloud-login-server preflight`, the published bin, on the adoption fixture
 * (test/fixtures/adopt-project, a DevTools project with no login): before docs/adopt.md's step
 * 1 it names every missing function, after it nothing blocks, and each way a team gets the
 * layout wrong is one blocker line. Run from the packed tarball, unpacked (no install needed:
 * the bin must not need wx-server-sdk at the project root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOGIN_FUNCTIONS as GUIDE_FUNCTIONS } from '../adopt/support/add-login';
import { pack, repoRoot } from './support/pack';

const fixture = path.join(repoRoot, 'test/fixtures/adopt-project');
const PACKAGE = 'wx-cloud-login-server';

let scratch: string;
let bin: string;
let project: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'wxcl-preflight-'));
  const { tarball } = pack('server', scratch);
  execFileSync('tar', ['-xzf', tarball, '-C', scratch]);
  const manifest = JSON.parse(readFileSync(path.join(scratch, 'package/package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  bin = path.join(scratch, 'package', manifest.bin[PACKAGE]!);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  project = mkdtempSync(path.join(scratch, 'project-'));
  cpSync(fixture, project, { recursive: true });
});

function preflight() {
  const run = spawnSync(process.execPath, [bin, 'preflight', '--root', project], {
    encoding: 'utf8',
  });
  const lines = run.stdout.split('\n');
  return { status: run.status, blockers: lines.filter((line) => line.startsWith('✗')), lines };
}

const file = (relative: string) => path.join(project, relative);
const write = (relative: string, text: string) => {
  mkdirSync(path.dirname(file(relative)), { recursive: true });
  writeFileSync(file(relative), text);
};
const json = (value: unknown) => JSON.stringify(value, null, 2);

/** docs/adopt.md step 1 as the guide writes it, with the SDK an older project pins. */
function addLoginFunctions(sdk = '~2.6.3'): void {
  for (const [name, config] of Object.entries(GUIDE_FUNCTIONS)) {
    write(`cloudfunctions/${name}/index.js`, `exports.main = require('${PACKAGE}').${name};\n`);
    const dependencies = { [PACKAGE]: '^0.1.0', 'wx-server-sdk': sdk };
    write(`cloudfunctions/${name}/package.json`, json({ name, dependencies }));
    if (config) write(`cloudfunctions/${name}/config.json`, json(config));
  }
  const config = JSON.parse(readFileSync(file('project.config.json'), 'utf8')) as object;
  write('project.config.json', json({ ...config, appid: 'wx0123456789abcdef' }));
}

test('the fixture before the guide: every required function is missing, its own is left alone', () => {
  const { status, blockers } = preflight();
  expect(status).toBe(1);
  const missing = blockers
    .map((line) => /云函数 (\w+) 不存在/.exec(line)?.[1])
    .filter(Boolean)
    .sort();
  expect(missing).toEqual(
    [
      'cleanupSessions',
      'checkSession',
      'deleteAccount',
      'login',
      'logout',
      'reserveAvatarUpload',
      'updateUserInfo',
    ].sort(),
  );
  expect(blockers.some((line) => line.includes('touristappid'))).toBe(true);
  expect(blockers.join('\n')).not.toContain('notes');
});

test('after the guide (on the SDK the template pins) nothing blocks; the admin is a reminder', () => {
  addLoginFunctions();
  const { status, blockers, lines } = preflight();
  expect(blockers).toEqual([]);
  expect(status).toBe(0);
  expect(lines.some((line) => line.startsWith('! 至少一个管理员'))).toBe(true);
  expect(lines.some((line) => line.includes('声明头像、昵称、手机号'))).toBe(true);
});

test.each([
  [
    'a login function of its own under the same name',
    () => write('cloudfunctions/login/index.js', 'exports.main = async () => ({ mine: true });\n'),
    '云函数 login 的 index.js 不是 wx-cloud-login-server 的处理函数',
  ],
  [
    'a copy-paste slip: the logout folder exports login',
    () => write('cloudfunctions/logout/index.js', `exports.main = require('${PACKAGE}').login;\n`),
    '云函数 logout 的 index.js 导出的是 login，不是 logout',
  ],
  [
    'an SDK pinned below the minimum',
    () =>
      write(
        'cloudfunctions/checkSession/package.json',
        json({ dependencies: { [PACKAGE]: '^0.1.0', 'wx-server-sdk': '~1.5.3' } }),
      ),
    '云函数 checkSession 依赖写的 wx-server-sdk "~1.5.3" 低于 1.8.3',
  ],
  [
    'an old SDK installed in the folder under a "latest" spec',
    () => {
      write(
        'cloudfunctions/deleteAccount/package.json',
        json({ dependencies: { [PACKAGE]: '^0.1.0', 'wx-server-sdk': 'latest' } }),
      );
      write(
        'cloudfunctions/deleteAccount/node_modules/wx-server-sdk/package.json',
        json({ name: 'wx-server-sdk', version: '0.8.1' }),
      );
    },
    '云函数 deleteAccount 已安装的 wx-server-sdk 低于 1.8.3（0.8.1）',
  ],
  [
    'the package missing from a function folder',
    () =>
      write(
        'cloudfunctions/login/package.json',
        json({ dependencies: { 'wx-server-sdk': '~2.6.3' } }),
      ),
    '云函数 login 的 package.json 没有依赖 wx-cloud-login-server',
  ],
  [
    "updateUserInfo's config.json left out",
    () => rmSync(file('cloudfunctions/updateUserInfo/config.json')),
    '云函数 updateUserInfo 的 config.json 没有云调用权限 security.msgSecCheck',
  ],
  [
    'no timer for cleanupSessions',
    () => write('cloudfunctions/cleanupSessions/config.json', '{}'),
    '云函数 cleanupSessions 的 config.json 没有定时触发器',
  ],
])('%s: one blocker that says so', (_what, breakIt, expected) => {
  addLoginFunctions();
  breakIt();
  const { status, blockers } = preflight();
  expect(status).toBe(1);
  expect(blockers).toHaveLength(1);
  expect(blockers[0]).toContain(expected);
});

test("cloudbaserc.json's variables get the functions' own validation, and must name an admin", () => {
  addLoginFunctions();
  write(
    'cloudbaserc.json',
    json({
      version: '2.0',
      envId: 'prod-1a2b',
      functionDefaultConfig: { envVariables: { SESSION_TTL_SECONDS: 'a week' } },
      functions: [{ name: 'login', envVariables: { SESSION_POLICY: 'one' } }],
    }),
  );
  const { blockers } = preflight();
  expect(blockers.find((line) => line.includes('云函数 login 的环境变量'))).toContain(
    'SESSION_POLICY="one"',
  );
  expect(blockers.filter((line) => line.includes('SESSION_TTL_SECONDS="a week"'))).toHaveLength(
    Object.keys(GUIDE_FUNCTIONS).length,
  );
  expect(blockers.some((line) => line.includes('ADMIN_OPENIDS 为空'))).toBe(true);
});

test('an admin set with configure() in code counts, in the form the README shows', () => {
  addLoginFunctions();
  write(
    'cloudfunctions/adminUsers/index.js',
    `const auth = require('${PACKAGE}');\nauth.configure({ adminOpenids: ['o-admin'] });\nexports.main = auth.adminUsers;\n`,
  );
  write('cloudbaserc.json', json({ version: '2.0', envId: 'prod-1a2b' }));
  const { status, blockers } = preflight();
  expect(blockers).toEqual([]);
  expect(status).toBe(0);
});

test("the bin checks every handler the package exports, the guide's functions included", () => {
  const listed = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { LOGIN_FUNCTIONS } from '${path.join(scratch, 'package/dist/preflight/project.mjs')}';` +
        'console.log(JSON.stringify(Object.keys(LOGIN_FUNCTIONS)));',
    ],
    { encoding: 'utf8' },
  );
  const checked = (JSON.parse(listed.stdout) as string[]).sort();
  const handlers = readFileSync(path.join(repoRoot, 'server/src/handlers.ts'), 'utf8');
  const exported = [...handlers.matchAll(/export \{ main as (\w+) \}/g)].map((m) => m[1]).sort();
  expect(checked).toEqual(exported);
  expect(checked).toEqual(Object.keys(GUIDE_FUNCTIONS).sort());
});
