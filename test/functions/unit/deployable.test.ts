import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES } from '../../../server/src/config';
import { rcFunctionNames, rcFunctions } from '../../support/cloudbaserc';
import { ensureFunctionsBuilt, functionsDir, repoRoot } from '../support/build';

interface Trigger {
  name: string;
  type: string;
  config: string;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const rc = readJson<{ envId: string; functionRoot: string }>(
  path.join(repoRoot, 'cloudbaserc.json'),
);
const triggersOf = (name: string) => rcFunctions.find((fn) => fn.name === name)?.raw.triggers;
const permissionsOf = (name: string) => rcFunctions.find((fn) => fn.name === name)?.raw.permissions;
const sources = readdirSync(path.join(repoRoot, 'server/src/functions')).map((f) =>
  f.replace(/\.ts$/, ''),
);

describe('cloudbaserc.json', () => {
  test('envId from the environment, functionRoot cloudfunctions', () => {
    expect(rc.envId).toBe('{{env.TCB_ENV_ID}}');
    expect(rc.functionRoot).toBe('cloudfunctions');
  });

  test('lists every function source; merged with the defaults, each is fully configured', () => {
    expect([...rcFunctionNames].sort()).toEqual([...sources].sort());
    for (const fn of rcFunctions) {
      expect(fn.raw).toMatchObject({
        runtime: 'Nodejs18.15',
        handler: 'index.main',
        installDependency: false,
      });
      expect(fn.raw.timeout).toBeGreaterThan(0);
      expect(fn.raw.memorySize).toBeGreaterThanOrEqual(128);
      expect(Object.keys(fn.envVariables).sort()).toEqual([...CONFIG_VARIABLES].sort());
    }
  });

  test('cleanupSessions runs once a day: a 7-field timer cron with a fixed second, minute, hour', () => {
    const triggers = triggersOf('cleanupSessions') as Trigger[];
    expect(triggers).toHaveLength(1);
    expect(triggers[0]?.type).toBe('timer');
    expect(triggers[0]?.config).toMatch(/^\d+ \d+ \d+ \* \* \* \*$/);
  });
});

describe('built function folders (what tcb fn deploy uploads)', () => {
  beforeAll(() => ensureFunctionsBuilt());

  test.each(rcFunctionNames)(
    '%s: config.json carries the triggers and permissions of cloudbaserc.json',
    (name) => {
      const file = path.join(functionsDir, name, 'config.json');
      const triggers = triggersOf(name);
      const permissions = permissionsOf(name);
      if (triggers === undefined && permissions === undefined) expect(existsSync(file)).toBe(false);
      else expect(readJson(file)).toEqual({ triggers, permissions });
    },
  );

  test('bindPhoneNumber (and only it) may call phonenumber.getPhoneNumber', () => {
    const granted = rcFunctionNames
      .filter((name) => existsSync(path.join(functionsDir, name, 'config.json')))
      .filter((name) =>
        JSON.stringify(readJson(path.join(functionsDir, name, 'config.json'))).includes(
          'phonenumber.getPhoneNumber',
        ),
      );
    expect(granted).toEqual(['bindPhoneNumber']);
  });

  test.each(sources)(
    '%s: index.js exports main, <= 1.5 MB, package.json without dependencies',
    (name) => {
      const dir = path.join(functionsDir, name);
      expect(statSync(path.join(dir, 'index.js')).size).toBeLessThanOrEqual(1.5 * 1024 * 1024);
      const pkg = readJson<{ main: string; dependencies?: Record<string, string> }>(
        path.join(dir, 'package.json'),
      );
      expect(pkg.main).toBe('index.js');
      expect(pkg.dependencies ?? {}).toEqual({});
      // A fresh process with no node_modules to fall back on: the bundle must be self-contained.
      const out = execFileSync(
        process.execPath,
        [
          '-e',
          'process.stdout.write(typeof require(process.argv[1]).main)',
          path.join(dir, 'index.js'),
        ],
        {
          cwd: '/',
          env: {
            PATH: process.env.PATH ?? '',
            NODE_PATH: '',
            TENCENTCLOUD_RUNENV: 'SCF',
            SCF_NAMESPACE: 'test',
            TENCENTCLOUD_REGION: 'ap-shanghai',
          },
        },
      );
      expect(out.toString()).toBe('function');
    },
  );
});

describe('project.config.json and database rules', () => {
  test('WeChat DevTools finds the mini program and the cloud functions', () => {
    const project = readJson<{
      miniprogramRoot: string;
      cloudfunctionRoot: string;
      setting: { useCompilerPlugins: string[] };
    }>(path.join(repoRoot, 'project.config.json'));
    expect(project.cloudfunctionRoot).toBe('cloudfunctions/');
    expect(project.miniprogramRoot).toBe('miniprogram/');
    expect(project.setting.useCompilerPlugins).toContain('typescript');
  });

  test('users readable by their owner only, sessions by nobody, no client writes', () => {
    const rules = path.join(repoRoot, 'database/security-rules');
    expect(readJson(path.join(rules, 'users.json'))).toEqual({
      read: 'doc._openid == auth.openid',
      write: false,
    });
    expect(readJson(path.join(rules, 'sessions.json'))).toEqual({ read: false, write: false });
    expect(readJson(path.join(rules, 'phones.json'))).toEqual({ read: false, write: false });
  });
});

// The deploy plan (npm run deploy -- --dry-run) is checked in test/functions/deploy-plan.test.ts.
