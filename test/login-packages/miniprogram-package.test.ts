/**
 * Issue 25 item 2: wx-cloud-login-miniprogram as a mini program gets it: `npm pack` of client/,
 * installed from the tarball into a scratch mini program outside this repository, 构建 npm into
 * miniprogram_npm, then the packaged session manager logs in, checks and deletes the account
 * against the emulator running this repository's functions, and the packaged types accept a
 * team's own function by declaration merging.
 */
import * as acorn from 'acorn';
import { EJSON } from 'bson';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import type * as ClientApi from '../../client/src/lib/index';
import type { RunningEmulator } from '../../emulator/src/index';
import { bridgeFor, memoryStorage, newOpenid } from '../miniprogram/support/counting-cloud';
import { startRepoEmulator } from '../miniprogram/support/emulator';
import { buildNpm, filesUnder } from './support/build-npm';
import { installInto, pack, repoRoot, type Packed } from './support/pack';

const PACKAGE = 'wx-cloud-login-miniprogram';
const COMPONENTS = ['privacy-consent', 'account-deletion', 'phone-binding'];

describe('wx-cloud-login-miniprogram installed from its tarball and built into miniprogram_npm', () => {
  let scratch: string;
  let packed: Packed;
  let miniprogram: string;
  let npmRoot: string;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'wxcl-miniprogram-package-'));
    packed = pack('client', scratch);
    miniprogram = path.join(scratch, 'project/miniprogram');
    mkdirSync(miniprogram, { recursive: true });
    installInto(miniprogram, { [PACKAGE]: packed.tarball });
    expect(buildNpm(miniprogram)).toEqual([PACKAGE]);
    npmRoot = path.join(miniprogram, 'miniprogram_npm', PACKAGE);
  });

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('publishes only miniprogram_dist, README and CHANGELOG, with no machine path', () => {
    for (const file of packed.files) {
      expect(file).toMatch(/^(package\.json|README\.md|CHANGELOG\.md|miniprogram_dist\/)/);
      expect(file).not.toMatch(/test|fixture|\.map$/);
    }
    for (const file of filesUnder(npmRoot)) {
      const text = readFileSync(path.join(npmRoot, file), 'utf8');
      expect(text).not.toContain(repoRoot);
      expect(text).not.toContain(tmpdir());
    }
  });

  test('every script parses as ES2015 (older DevTools parsers), nothing newer', () => {
    const scripts = filesUnder(npmRoot).filter((file) => file.endsWith('.js'));
    expect(scripts).toEqual(expect.arrayContaining(['index.js', 'lib/session/session-manager.js']));
    for (const file of scripts) {
      const text = readFileSync(path.join(npmRoot, file), 'utf8');
      expect(() => acorn.parse(text, { ecmaVersion: 2015, sourceType: 'script' })).not.toThrow();
    }
  });

  test.each(COMPONENTS)('component %s is complete for usingComponents', (name) => {
    const base = path.join(npmRoot, 'components', name, name);
    const json = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { component?: boolean };
    expect(json.component).toBe(true);
    expect(readFileSync(`${base}.wxml`, 'utf8')).toMatch(/<view/);
    readFileSync(`${base}.wxss`, 'utf8');
    expect(readFileSync(`${base}.js`, 'utf8')).toContain('Component(');
  });

  describe('the packaged session manager against the emulator', () => {
    let emulator: RunningEmulator;
    beforeAll(async () => {
      emulator = await startRepoEmulator();
    });
    afterAll(async () => {
      await emulator?.stop();
    });

    /** How many users documents have this `_id`, straight from the emulator's database. */
    async function usersWithId(openid: string): Promise<number> {
      const reply = await emulator.database.handle({
        action: 'database.getDocument',
        collectionName: 'users',
        queryType: 'WHERE',
        query: EJSON.stringify({ _id: openid }, { relaxed: false }),
        limit: 10,
      });
      return ((reply.data as { list?: string[] } | undefined)?.list ?? []).length;
    }

    test('logs in once, checks the session and deletes the account', async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const client = require(npmRoot) as typeof ClientApi;
      const openid = newOpenid('packaged');
      const session = new client.SessionManager({
        cloud: bridgeFor(emulator, openid),
        storage: memoryStorage(),
        sleep: async () => undefined,
      });
      await session.ensureLogin();
      expect(await usersWithId(openid)).toBe(1);
      const checked = await session.callAuthenticated('checkSession', { withUser: true });
      expect(checked.user?.loginCount).toBe(1);
      await session.deleteAccount();
      expect(session.getSnapshot()).toMatchObject({ session: null });
      expect(await usersWithId(openid)).toBe(0);
      expect(client.CLIENT_ERROR_MESSAGES.NETWORK).toMatch(/网络/);
    });
  });

  test("the packaged types take a team's own function by declaration merging", () => {
    const source = path.join(miniprogram, 'own-function.ts');
    writeFileSync(
      source,
      `import { appSession, call } from '${PACKAGE}';
declare module '${PACKAGE}' {
  interface CloudFunctions {
    whoami: { request: { token: string; greeting?: string }; response: { greeting: string } };
  }
}
export async function greet(): Promise<string> {
  const { greeting } = await appSession().callAuthenticated('whoami', { greeting: '早上好' });
  // @ts-expect-error greeting is a string
  await appSession().callAuthenticated('whoami', { greeting: 1 });
  // @ts-expect-error the token is required without the session manager
  await call('whoami', {});
  // @ts-expect-error no such function
  await call('nope', {});
  return greeting;
}
`,
    );
    const program = ts.createProgram([source], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      types: ['miniprogram-api-typings'],
      typeRoots: [path.join(repoRoot, 'node_modules/@types'), path.join(repoRoot, 'node_modules')],
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
