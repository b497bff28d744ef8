/**
 * Issue 25 item 1: the packed server package on every wx-server-sdk version real projects pin.
 * Each version's function folders hold the tarball and that SDK (server-project.ts), run on
 * Node 16.13 by the built emulator; one account goes through login, session check, profile,
 * avatar, phone binding, logout and deletion.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Envelope, LoginResponse, ReserveAvatarUploadResponse } from '../../contract/src';
import type * as EmulatorApi from '../../emulator/src';
import { pack, repoRoot } from '../login-packages/support/pack';
import { installServerPackage, SERVER_PACKAGE, serverProjectFor } from './server-project';
import { REFUSED_SDK_VERSIONS, SERVER_SDK_VERSIONS } from './versions';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmulator } = require(path.join(repoRoot, 'emulator/dist')) as typeof EmulatorApi;

type Emulator = EmulatorApi.RunningEmulator;
const user = { openid: 'o-sdk-matrix' };

function okData<T>(reply: EmulatorApi.FunctionCallReply): T {
  if (!reply.ok) throw new Error(`function failed: ${reply.errMsg ?? JSON.stringify(reply.body)}`);
  const envelope = reply.result as Envelope<T>;
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

async function upload(emulator: Emulator, cloudPath: string): Promise<string> {
  const response = await fetch(
    `${emulator.url}/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`,
    { method: 'PUT', headers: { 'x-wx-openid': user.openid }, body: Buffer.from('png') },
  );
  const body = (await response.json()) as { fileID?: string };
  if (!body.fileID) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.fileID;
}

async function fileExists(emulator: Emulator, fileID: string): Promise<boolean> {
  const response = await fetch(`${emulator.url}/storage/temp-urls`, {
    method: 'POST',
    headers: { 'x-wx-openid': 'o-probe', 'content-type': 'application/json' },
    body: JSON.stringify({ fileList: [fileID] }),
  });
  const body = (await response.json()) as { fileList: Array<{ status: number }> };
  return body.fileList[0]?.status === 0;
}

/** One account's whole life through the one-line handlers; what each step answered. */
async function wholeLife(emulator: Emulator): Promise<Record<string, unknown>> {
  const call = (name: string, data: unknown) => emulator.callFunction(name, data, user);
  const first = okData<LoginResponse>(await call('login', {}));
  const { token } = first;
  const checked = okData<{ user: { loginCount: number } }>(
    await call('checkSession', { token, withUser: true }),
  );
  const named = okData<{ user: { nickName: string } }>(
    await call('updateUserInfo', { token, profile: { nickName: '小明' } }),
  );
  const { cloudPath } = okData<ReserveAvatarUploadResponse>(
    await call('reserveAvatarUpload', { token, extension: 'png' }),
  );
  const avatar = await upload(emulator, cloudPath);
  okData(await call('updateUserInfo', { token, profile: { avatarUrl: avatar } }));
  const { code } = emulator.openapi.phoneCodes.issue({
    openid: user.openid,
    phoneNumber: '13800138000',
  });
  const bound = okData<{ user: { phone: { number: string } | null } }>(
    await call('bindPhoneNumber', { token, code }),
  );
  const loggedOut = okData<{ revoked: number }>(await call('logout', { token, scope: 'current' }));
  const afterLogout = (await call('checkSession', { token })).result as Envelope<unknown>;
  const again = okData<LoginResponse>(await call('login', {}));
  const deleted = okData<{ deleted: { sessions: number; files: number } }>(
    await call('deleteAccount', { token: again.token }),
  );
  const fresh = okData<LoginResponse>(await call('login', {}));
  return {
    isNewUser: first.isNewUser,
    loginCount: checked.user.loginCount,
    nickName: named.user.nickName,
    phone: bound.user.phone?.number,
    revoked: loggedOut.revoked,
    afterLogout: afterLogout.ok ? 'ok' : afterLogout.error.code,
    deletedFiles: deleted.deleted.files,
    avatarKept: await fileExists(emulator, avatar),
    newAfterDeletion: fresh.isNewUser,
  };
}

let scratch: string;
let tarball: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'wxcl-server-sdk-'));
  tarball = pack('server', scratch).tarball;
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Loads the package in `install` with plain Node: what the function instance does first. */
function load(install: string, expression: string) {
  const script = `const auth = require('${SERVER_PACKAGE}'); console.log(${expression});`;
  return spawnSync(process.execPath, ['-e', script], { cwd: install, encoding: 'utf8' });
}

describe.each(SERVER_SDK_VERSIONS)('wx-cloud-login-server with wx-server-sdk@%s', (version) => {
  let emulator: Emulator;
  let install: string;

  beforeAll(async () => {
    // No --legacy-peer-deps: npm itself checks the version against the package's peer range.
    install = installServerPackage(scratch, tarball, version, false);
    const project = serverProjectFor(scratch, install, version);
    emulator = await startEmulator({ project, inMemory: true, port: 0, logger: 'silent' });
  }, 180_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  test('the package uses this SDK, the one installed beside it', () => {
    const sdk = `require(require.resolve('wx-server-sdk', { paths: [require.resolve('${SERVER_PACKAGE}')] })).version`;
    const loaded = load(install, `typeof auth.login, ${sdk}`);
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout.trim()).toBe(`function ${version}`);
  });

  test('an account lives and dies through the one-line handlers', async () => {
    expect(await wholeLife(emulator)).toEqual({
      isNewUser: true,
      loginCount: 1,
      nickName: '小明',
      phone: '13800138000',
      revoked: 1,
      afterLogout: 'SESSION_INVALID',
      deletedFiles: 1,
      avatarKept: false,
      newAfterDeletion: true,
    });
  });
});

describe.each(REFUSED_SDK_VERSIONS)('wx-cloud-login-server refuses wx-server-sdk@%s', (version) => {
  test('npm refuses it by the peer range, and the package refuses it at load', () => {
    expect(() => installServerPackage(scratch, tarball, version, false)).toThrow(/ERESOLVE/);
    // Installed anyway (as npm 6 and the cloud's install only warn): the function does not load.
    const install = installServerPackage(scratch, tarball, version, true);
    const loaded = load(install, 'typeof auth.login');
    expect(loaded.status).not.toBe(0);
    expect(loaded.stdout).toBe('');
    expect(loaded.stderr).toContain('SdkVersionError');
    expect(loaded.stderr).toContain(
      `wx-cloud-login-server needs wx-server-sdk 1.8.3 or later; this function folder has ${version}`,
    );
  });
});

test('the docs state the peer range and list the versions tested here', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'server/package.json'), 'utf8')) as {
    peerDependencies: Record<string, string>;
  };
  const range = manifest.peerDependencies['wx-server-sdk']!;
  const tested = [...SERVER_SDK_VERSIONS].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  for (const doc of ['server/README.md', 'docs/adopt.md', 'server/CHANGELOG.md']) {
    const text = readFileSync(path.join(repoRoot, doc), 'utf8').replace(/\s+/g, ' ');
    expect({ doc, range: text.includes(range) }).toEqual({ doc, range: true });
    expect({
      doc,
      versions: text.includes(tested.join('、')) || text.includes(tested.join(', ')),
    }).toEqual({ doc, versions: true });
  }
});
