/**
 * Issue 21 item 3: deploy closes the platform-only functions (cleanupSessions,
 * onUserAuthorizationChange) to clients with the environment's function security rule, through
 * manager-node's permission.modifyResourcePermission, merged into the rule already there and
 * read back. The cloud cannot run here: the calls go to a stand-in manager that stores (or
 * refuses, or alters) what it is sent.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'server', 'scripts', 'deploy.mjs');
const RULE = pathToFileURL(
  path.join(ROOT, 'server', 'scripts', 'deploy', 'function-rule.mjs'),
).href;
const PLATFORM_ONLY = ['cleanupSessions', 'onUserAuthorizationChange'];

test('the plan closes every platform-only function to clients before any function is deployed', () => {
  const run = spawnSync(process.execPath, [SCRIPT, '--dry-run', '--json'], {
    env: { ...process.env, TCB_ENV_ID: 'plan-env', TCB_SECRET_ID: '', TCB_SECRET_KEY: '' },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  const steps = JSON.parse(run.stdout) as Array<{ kind: string; call: string }>;
  const ruleSteps = steps.filter((s) => s.kind === 'function-rule');
  expect(ruleSteps).toHaveLength(1);
  for (const name of PLATFORM_ONLY) {
    expect(ruleSteps[0]!.call).toContain(`"${name}":{"invoke":false}`);
  }
  const index = steps.findIndex((s) => s.kind === 'function-rule');
  expect(index).toBeLessThan(steps.findIndex((s) => s.kind === 'function'));
});

interface Applied {
  status: number | null;
  result: string;
  stored: Record<string, unknown> | null;
  log: string[];
}

/**
 * Runs applyFunctionRule with the shipped rule against a manager holding `existing` (a JSON
 * string, or none). `mode`: 'keep' stores what it is sent, 'refuse' throws on modify (an
 * environment where the API is gone), 'alter' stores the rule with cleanupSessions open.
 */
function apply(existing: string | null, mode: 'keep' | 'refuse' | 'alter'): Applied {
  const code = `
    import { applyFunctionRule, readFunctionRule } from ${JSON.stringify(RULE)};
    let stored = ${JSON.stringify(existing)};
    const log = [];
    const manager = { permission: {
      describeResourcePermission: async ({ resourceType }) => ({ Data: { TotalCount: 1,
        PermissionList: stored === null ? [] : [{ ResourceType: resourceType, Permission: 'CUSTOM', SecurityRule: stored }] } }),
      modifyResourcePermission: async (options) => {
        if (${JSON.stringify(mode)} === 'refuse') throw new Error('[ModifyResourcePermission] OperationDenied');
        if (options.resourceType !== 'function' || options.permission !== 'CUSTOM') throw new Error('bad call');
        const rule = JSON.parse(options.securityRule);
        if (${JSON.stringify(mode)} === 'alter') rule.cleanupSessions = { invoke: true };
        stored = JSON.stringify(rule);
        return { Data: { Success: true } };
      },
    } };
    let result, status = 0;
    try { result = await applyFunctionRule(manager, readFunctionRule(${JSON.stringify(ROOT)}), (l) => log.push(l)); }
    catch (e) { result = e.message; status = 3; }
    console.log(JSON.stringify({ status, result, stored: stored && JSON.parse(stored), log }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Applied;
}

test("a team's own keys and wildcard survive; the platform-only functions are closed", () => {
  const existing = JSON.stringify({
    '*': { invoke: "auth.loginType != 'ANONYMOUS' && auth != null" },
    getPublicData: { invoke: true },
    cleanupSessions: { invoke: true },
  });
  const applied = apply(existing, 'keep');
  expect(applied).toMatchObject({ status: 0, result: 'applied', log: [] });
  expect(applied.stored).toEqual({
    '*': { invoke: "auth.loginType != 'ANONYMOUS' && auth != null" },
    getPublicData: { invoke: true },
    cleanupSessions: { invoke: false },
    onUserAuthorizationChange: { invoke: false },
  });
});

test('an environment without a rule gets the default wildcard (auth != null) and the closed functions', () => {
  expect(apply(null, 'keep').stored).toEqual({
    '*': { invoke: 'auth != null' },
    cleanupSessions: { invoke: false },
    onUserAuthorizationChange: { invoke: false },
  });
});

test('a rule the cloud stored differently fails the deploy step', () => {
  const applied = apply(null, 'alter');
  expect(applied.status).toBe(3);
  expect(applied.result).toBe('the function rule kept cleanupSessions: {"invoke":true}');
});

test('when the API is refused, deploy goes on and prints the console step with the keys to set', () => {
  const applied = apply(null, 'refuse');
  expect(applied).toMatchObject({ status: 0, result: 'unavailable', stored: null });
  expect(applied.log[0]).toBe(
    'warning: the function security rule was not written ([ModifyResourcePermission] OperationDenied).',
  );
  expect(applied.log[1]).toContain('云开发控制台 → 云函数 → 权限控制');
  expect(applied.log[1]).toContain('"cleanupSessions":{"invoke":false}');
});
