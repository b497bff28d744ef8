/**
 * Issue 25 item 1: the server package as a team gets it. `npm pack` of server/, installed from
 * the tarball (with the wx-server-sdk the function folder installs) into function folders of
 * a project outside this repository, each `index.js` one line, run on Node 16.13 by the
 * emulator with the real SDK.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckSessionResponse, Envelope, LoginResponse } from '../../contract/src';
import type * as EmulatorApi from '../../emulator/src';
import { installInto, pack, repoRoot, type Packed } from './support/pack';

// The built emulator, as a user's tests would load it (not its TypeScript sources).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmulator } = require(path.join(repoRoot, 'emulator/dist')) as typeof EmulatorApi;

const PACKAGE = 'wx-cloud-login-server';
const fixture = path.join(__dirname, 'fixtures/server-project');
const user = { openid: 'o-package-user' };

function okData<T>(envelope: unknown): T {
  const typed = envelope as Envelope<T>;
  if (!typed.ok) throw new Error(`expected ok, got ${JSON.stringify(typed.error)}`);
  return typed.data;
}

describe('wx-cloud-login-server installed from its tarball', () => {
  let scratch: string;
  let packed: Packed;
  let emulator: EmulatorApi.RunningEmulator;

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'wxcl-server-package-'));
    packed = pack('server', scratch);
    const project = path.join(scratch, 'project');
    cpSync(fixture, project, { recursive: true });
    const functions = path.join(project, 'cloudfunctions');
    const rc = JSON.parse(readFileSync(path.join(project, 'cloudbaserc.json'), 'utf8')) as {
      functions: Array<{ name: string }>;
    };
    for (const { name } of rc.functions) {
      mkdirSync(path.join(functions, name), { recursive: true });
      installInto(path.join(functions, name), {
        [PACKAGE]: packed.tarball,
        'wx-server-sdk': `file:${path.join(repoRoot, 'node_modules/wx-server-sdk')}`,
      });
    }
    emulator = await startEmulator({ project, inMemory: true, port: 0, logger: 'silent' });
  });

  afterAll(async () => {
    await emulator?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('publishes only its build, README and CHANGELOG, no machine path, no bundled SDK', () => {
    expect(packed.files.sort()).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'CHANGELOG.md',
        'dist/index.js',
        'dist/rules/database/users.json',
        'dist/rules/storage.json',
        'dist/preflight/cli.mjs',
        'dist/preflight/support.js',
      ]),
    );
    for (const file of packed.files) {
      expect(file).toMatch(/^(package\.json|README\.md|CHANGELOG\.md|dist\/)/);
      expect(file).not.toMatch(/test|fixture|\.map$/);
    }
    const installed = path.join(scratch, 'project/cloudfunctions/login/node_modules', PACKAGE);
    for (const file of packed.files.filter((f) => /\.(m?js|ts)$/.test(f))) {
      const text = readFileSync(path.join(installed, file), 'utf8');
      expect(text).not.toContain(repoRoot);
      expect(text).not.toContain(tmpdir());
    }
    const bundle = readFileSync(path.join(installed, 'dist/index.js'), 'utf8');
    expect(bundle).toContain('require("wx-server-sdk")');
    expect(bundle).not.toContain('@cloudbase/node-sdk');
  });

  test('one-line handlers log in and check the session, on Node 16.13', async () => {
    const login = await emulator.callFunction('login', {}, user);
    const session = okData<LoginResponse>(login.result);
    expect(session.isNewUser).toBe(true);
    const checked = await emulator.callFunction(
      'checkSession',
      { token: session.token, withUser: true },
      user,
    );
    expect(okData<CheckSessionResponse>(checked.result).user).toMatchObject({ loginCount: 1 });
  });

  test("the team's own function behind withSession, configured in code", async () => {
    const { token } = okData<LoginResponse>(
      (await emulator.callFunction('login', {}, user)).result,
    );
    const reply = await emulator.callFunction('whoami', { token }, user);
    expect(okData<{ openid: string; node: string; sdk: string }>(reply.result)).toEqual({
      openid: user.openid,
      node: 'v16.13.0',
      // The SDK the function folder installed, not a copy inside the package.
      sdk: 'function folder',
    });
    const denied = await emulator.callFunction('whoami', { token: 'x'.repeat(43) }, user);
    expect(denied.result).toMatchObject({ ok: false, error: { code: 'SESSION_INVALID' } });
  });

  test('bad environment variables stop the function at load, each named in one error', async () => {
    const reply = await emulator.callFunction('badEnv', {}, user);
    expect(reply.ok).toBe(false);
    expect(reply.errMsg).toContain('wx-cloud-login configuration');
    expect(reply.errMsg).toContain('SESSION_POLICY="one"');
    expect(reply.errMsg).toContain('SESSION_TTL_SECONDS="a week"');
  });

  test('bad options given to configure() are named as options, all in one error', async () => {
    const reply = await emulator.callFunction('badOptions', {}, user);
    expect(reply.ok).toBe(false);
    expect(reply.errMsg).toContain('option maxSessionsPerUser (MAX_SESSIONS_PER_USER)="0"');
    expect(reply.errMsg).toContain('option usersCollection (USERS_COLLECTION)="users.$x"');
  });
});
