import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_DEFAULTS } from '../../../server/src/config';
import { ensureFunctionsBuilt, functionsDir, repoRoot } from '../support/build';

interface RcFunction {
  name: string;
  runtime?: string;
  timeout?: number;
  memorySize?: number;
  handler?: string;
  installDependency?: boolean;
  envVariables?: Record<string, string>;
  triggers?: Array<{ name: string; type: string; config: string }>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const rc = readJson<{ envId: string; functionRoot: string; functions: RcFunction[] }>(
  path.join(repoRoot, 'cloudbaserc.json'),
);
const sources = readdirSync(path.join(repoRoot, 'server/src/functions')).map((f) =>
  f.replace(/\.ts$/, ''),
);

describe('cloudbaserc.json', () => {
  test('envId from the environment, functionRoot cloudfunctions', () => {
    expect(rc.envId).toBe('{{env.TCB_ENV_ID}}');
    expect(rc.functionRoot).toBe('cloudfunctions');
  });

  test('lists every function source, each fully configured with the documented defaults', () => {
    expect(rc.functions.map((f) => f.name).sort()).toEqual([...sources].sort());
    for (const fn of rc.functions) {
      expect(fn).toMatchObject({
        runtime: 'Nodejs18.15',
        handler: 'index.main',
        installDependency: false,
      });
      expect(fn.timeout).toBeGreaterThan(0);
      expect(fn.memorySize).toBeGreaterThanOrEqual(128);
      expect(fn.envVariables).toEqual(CONFIG_DEFAULTS);
    }
  });

  test('cleanupSessions runs daily from a 7-field timer cron', () => {
    const cleanup = rc.functions.find((f) => f.name === 'cleanupSessions');
    expect(cleanup?.triggers).toEqual([{ name: 'daily', type: 'timer', config: '0 0 3 * * * *' }]);
    expect(cleanup?.triggers?.[0]?.config.split(' ')).toHaveLength(7);
  });
});

describe('built function folders (what tcb fn deploy uploads)', () => {
  beforeAll(() => ensureFunctionsBuilt());

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
  });
});

describe('npm run deploy (server/scripts/deploy.mjs --dry-run)', () => {
  beforeAll(() => ensureFunctionsBuilt());
  const deploy = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['server/scripts/deploy.mjs', '--dry-run'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });

  test('deploys every listed function to TCB_ENV_ID, then creates the cleanup trigger', () => {
    const result = deploy({ TCB_ENV_ID: 'prod-1a2b3c' });
    expect(result.status).toBe(0);
    const commands = result.stdout.split('\n').filter((line) => line.startsWith('$ '));
    expect(commands).toEqual([
      ...rc.functions.map((f) => `$ tcb fn deploy ${f.name} -e prod-1a2b3c --force --yes`),
      '$ tcb fn trigger create cleanupSessions -e prod-1a2b3c',
    ]);
  });

  test('without TCB_ENV_ID it stops with a one-line hint', () => {
    const result = deploy({});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^deploy: set TCB_ENV_ID/);
  });
});
