/**
 * @jest-environment jsdom
 */
/**
 * Issue 25 item 4: the login added to a project this repository did not create. A copy of
 * test/fixtures/adopt-project (a DevTools project with its own page and function, no login) is
 * made outside the repository; the three packages are packed; docs/adopt.md's steps are done
 * on the copy (support/add-login.ts); the packed emulator command serves it; then the app
 * launches (silent login), the guide's page edits the profile and the packaged account-deletion
 * component deletes the account, while the app's own function keeps working.
 * Only the WeChat client runtime is a stand-in (test/miniprogram/support/wx-runtime.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bridgeFor, newOpenid } from '../miniprogram/support/counting-cloud';
import {
  fire,
  loadMiniprogramPage,
  renderPage,
  textOf,
  type RenderedPage,
} from '../miniprogram/support/page-harness';
import { installWxRuntime, type WxRuntime } from '../miniprogram/support/wx-runtime';
import { pack, repoRoot } from '../login-packages/support/pack';
import { addLoginFunctions, addLoginToMiniprogram, installOwnFunction } from './support/add-login';
import { startPackedEmulator, type PackedEmulator } from './support/packed-emulator';

const fixture = path.join(repoRoot, 'test/fixtures/adopt-project');
const guide = path.join(__dirname, 'guide');

let scratch: string;
let project: string;
let emulator: PackedEmulator;
let wxRuntime: WxRuntime;
const openid = newOpenid('adopter');

/** Polls the page (bounded) until `ready` holds: cloud calls answer asynchronously. */
async function waitFor(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'wxcl-adopt-'));
  const server = pack('server', scratch);
  const client = pack('client', scratch);
  const tools = path.join(scratch, 'tools');
  mkdirSync(tools);
  writeFileSync(path.join(tools, 'package.json'), '{"name":"tools","private":true}');
  // The emulator as a team installs it (better-sqlite3 builds from source: minutes).
  execFileSync(
    'npm',
    ['install', pack('emulator', scratch).tarball, '--no-audit', '--no-fund', '--prefer-offline'],
    { cwd: tools, stdio: 'pipe' },
  );

  project = path.join(scratch, 'recipe-notes');
  cpSync(fixture, project, { recursive: true });
  installOwnFunction(project, 'notes');
  addLoginFunctions(project, server.tarball);
  addLoginToMiniprogram(project, client.tarball, guide);

  emulator = await startPackedEmulator(tools, project);
  await emulator.createCollection('notes');
  wxRuntime = installWxRuntime(bridgeFor(emulator, openid));
  installPageConstructor();
}, 900_000);

afterAll(async () => {
  await emulator?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the app launches and logs in silently through the packaged session manager', async () => {
  let app: { onLaunch(): void } | undefined;
  (globalThis as unknown as { App: (options: typeof app) => void }).App = (options) => {
    app = options;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(project, 'miniprogram/app.js'));
  app!.onLaunch();
  await waitFor(() => wxRuntime.cloud.settled('login') === 1, 'the launch login');
  expect(wxRuntime.cloud.calls).toEqual(['login']);
});

describe("the guide's account page", () => {
  let page: RenderedPage;
  beforeAll(() => {
    page = loadAdoptedPage('pages/account/account');
  });

  test('shows the user and saves a new nickname', async () => {
    await waitFor(() => textOf(page, '.nickname') === '微信用户', 'the user');
    fire(page, '.profile-form', 'submit', { value: { nickName: '小厨' } });
    await waitFor(() => textOf(page, '.message') !== '', 'the save');
    expect(textOf(page, '.message')).toBe('已保存');
    expect(textOf(page, '.nickname')).toBe('小厨');
    const users = await emulator.documents('users', { _id: openid });
    expect(users).toMatchObject([{ nickName: '小厨' }]);
  });

  test('the packaged account-deletion component deletes the account and goes home', async () => {
    expect(await emulator.documents('sessions', { openid })).not.toEqual([]);
    const deletion = page.querySelector('.deletion');
    if (!deletion) throw new Error('account-deletion is not rendered');
    deletion.querySelector('.delete-account')!.dispatchEvent('tap');
    await waitFor(() => wxRuntime.callsOf('reLaunch').length === 1, 'the reLaunch');
    expect(wxRuntime.callsOf('reLaunch')).toMatchObject([{ url: '/pages/notes/notes' }]);
    expect(await emulator.documents('users', { _id: openid })).toEqual([]);
    expect(await emulator.documents('sessions', { openid })).toEqual([]);
  });
});

test("step 10's preflight, as npm installed it with the package, finds only the tourist AppID", () => {
  const bin = path.join(project, 'cloudfunctions/login/node_modules/.bin/wx-cloud-login-server');
  const run = spawnSync(process.execPath, [bin, 'preflight'], { cwd: project, encoding: 'utf8' });
  const blockers = run.stdout.split('\n').filter((line) => line.startsWith('✗'));
  // The fixture keeps DevTools' tourist AppID (step 10 says to set your own): nothing else blocks.
  expect(blockers).toEqual([expect.stringContaining('touristappid')]);
  expect(run.status).toBe(1);
});

test("the app's own page and function keep working next to the login", async () => {
  await wxRuntime.cloud.callFunction({ name: 'notes', data: { action: 'add', title: '红烧肉' } });
  const page = loadAdoptedPage('pages/notes/notes');
  await waitFor(() => textOf(page, '.note') !== null, 'the notes');
  expect(textOf(page, '.note')).toBe('红烧肉');
});

/**
 * WeChat's Page() on miniprogram-simulate, which only knows Component(): a page is a component
 * whose top-level functions are methods and whose onLoad runs when it is attached.
 */
function installPageConstructor(): void {
  type PageOptions = { data?: object } & Record<string, unknown>;
  const global = globalThis as unknown as {
    Page: (options: PageOptions) => void;
    Component: (options: object) => void;
  };
  global.Page = ({ data, ...methods }) =>
    global.Component({
      data,
      methods,
      lifetimes: {
        attached(this: { onLoad?: (query: object) => void }) {
          this.onLoad?.({});
        },
      },
    });
}

/** A page of the adopted app in miniprogram-simulate, its npm components from miniprogram_npm. */
function loadAdoptedPage(page: string): RenderedPage {
  return renderPage(loadMiniprogramPage(path.join(project, 'miniprogram'), page));
}
