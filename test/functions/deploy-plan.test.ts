/**
 * `npm run deploy -- --dry-run` prints the plan without credentials; the plan must match the
 * repository's files: every collection created, every rule file applied with ModifySafeRule
 * (before any function), every index of database/indexes.json, every function of
 * cloudbaserc.json deployed then verified, and no separate trigger step (tcb fn deploy makes them).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'server', 'scripts', 'deploy.mjs');
interface Step {
  kind: string;
  target: string;
  call: string;
}

function deploy(args: string[], env: Record<string, string | undefined>) {
  const clean = {
    ...process.env,
    TCB_SECRET_ID: '',
    TCB_SECRET_KEY: '',
    TENCENTCLOUD_SECRETID: '',
    TENCENTCLOUD_SECRETKEY: '',
    TCB_REGION: '',
  };
  return spawnSync(process.execPath, [SCRIPT, ...args], {
    env: { ...clean, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const readJson = (...parts: string[]) =>
  JSON.parse(readFileSync(path.join(ROOT, ...parts), 'utf8')) as unknown;

test('the dry-run plan matches the rule files, indexes and functions, in a safe order', () => {
  const run = deploy(['--dry-run', '--json'], { TCB_ENV_ID: 'plan-env' });
  expect(run.status).toBe(0);
  const steps = JSON.parse(run.stdout) as Step[];

  const ruleFiles = readdirSync(path.join(ROOT, 'database', 'security-rules')).filter((f) =>
    f.endsWith('.json'),
  );
  const rules = steps.filter((s) => s.kind === 'rule');
  expect(rules.map((s) => s.target).sort()).toEqual(ruleFiles.map((f) => f.slice(0, -5)).sort());
  for (const step of rules) {
    const rule = readJson('database', 'security-rules', `${step.target}.json`) as Record<
      string,
      unknown
    >;
    const { $comment: _comment, ...body } = rule;
    const param =
      typeof rule === 'string'
        ? { AclTag: rule }
        : { AclTag: 'CUSTOM', Rule: JSON.stringify(body) };
    expect(step.call).toBe(
      `commonService('tcb').call(${JSON.stringify({ Action: 'ModifySafeRule', Param: { EnvId: 'plan-env', CollectionName: step.target, ...param } })})`,
    );
  }

  const indexes = readJson('database', 'indexes.json') as Record<string, { name: string }[]>;
  const wantedIndexes = Object.entries(indexes)
    .filter(([collection, list]) => !collection.startsWith('$') && Array.isArray(list))
    .flatMap(([collection, list]) => list.map((index) => `${collection}.${index.name}`));
  const indexSteps = steps.filter((s) => s.kind === 'index');
  expect(
    indexSteps
      .map((s) => `${s.target}.${/checkIndexExists\("[^"]+", "([^"]+)"\)/.exec(s.call)?.[1]}`)
      .sort(),
  ).toEqual(wantedIndexes.sort());

  // Every collection that has a rule or an index is created first.
  const created = steps.filter((s) => s.kind === 'collection').map((s) => s.target);
  expect(new Set(created)).toEqual(
    new Set([...rules.map((s) => s.target), ...indexSteps.map((s) => s.target)]),
  );

  const rc = readJson('cloudbaserc.json') as { functions: { name: string }[] };
  const names = rc.functions.map((fn) => fn.name);
  expect(steps.filter((s) => s.kind === 'function').map((s) => s.target)).toEqual(names);
  expect(steps.filter((s) => s.kind === 'verify').map((s) => s.target)).toEqual(names);
  // Each function is verified right after its deploy.
  for (const name of names) {
    const at = steps.findIndex((s) => s.kind === 'function' && s.target === name);
    expect(steps[at + 1]).toMatchObject({ kind: 'verify', target: name });
  }
  // Rules and indexes are in force before any function can take traffic.
  const firstFunction = steps.findIndex((s) => s.kind === 'function');
  const lastDatabase = Math.max(
    ...steps.map((s, i) => (['collection', 'rule', 'index'].includes(s.kind) ? i : -1)),
  );
  expect(lastDatabase).toBeLessThan(firstFunction);
  // tcb fn deploy creates timer triggers itself.
  expect(steps.some((s) => s.call.includes('trigger'))).toBe(false);
});

test('the human dry run prints every call without needing credentials', () => {
  const run = deploy(['--dry-run'], { TCB_ENV_ID: 'plan-env' });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('tcb login --apiKeyId $TCB_SECRET_ID --apiKey $TCB_SECRET_KEY');
  expect(run.stdout).toContain('tcb fn deploy login -e plan-env --force --yes');
});

test.each([
  [{}, /^deploy: set TCB_ENV_ID/],
  [{ TCB_ENV_ID: 'e' }, /^deploy: set TCB_REGION/],
  [{ TCB_ENV_ID: 'e', TCB_REGION: 'ap-shanghai' }, /^deploy: set TCB_SECRET_ID and TCB_SECRET_KEY/],
])('without %p the deploy stops with one line', (env, message) => {
  const run = deploy([], env);
  expect(run.status).toBe(1);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
});

test('functions get at least 256 MB, and the SDK request timeout is set at init', () => {
  // That a cold first login fits in the timeout is measured, not assumed:
  // test/functions/cold-login-budget.test.ts counts its rounds under injected latency.
  const source = readFileSync(path.join(ROOT, 'server', 'src', 'cloud.ts'), 'utf8');
  expect(source).toMatch(/timeout: SDK_REQUEST_TIMEOUT_MS,\n\};\ncloud\.init\(initOptions\);/);
  const rc = readJson('cloudbaserc.json') as {
    functionDefaultConfig: { timeout: number; memorySize: number };
    functions: { name: string; timeout?: number; memorySize?: number }[];
  };
  for (const fn of rc.functions) {
    expect(fn.memorySize ?? rc.functionDefaultConfig.memorySize).toBeGreaterThanOrEqual(256);
  }
});
