/**
 * Deploy applies storage/security-rules.json with manager-node's storage.setStorageAcl (the
 * bucket's ModifyStorageSafeRule) before any function, and reads it back: a rule the cloud did
 * not keep fails the deploy. The cloud cannot run here, so the read-back is checked against a
 * stand-in manager that keeps (or does not keep) what it is sent.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'server', 'scripts', 'deploy.mjs');
const RUN = pathToFileURL(path.join(ROOT, 'server', 'scripts', 'deploy', 'run.mjs')).href;

test('the plan sets the shipped storage rule (without $comment) before any function', () => {
  const run = spawnSync(process.execPath, [SCRIPT, '--dry-run', '--json'], {
    env: { ...process.env, TCB_ENV_ID: 'plan-env', TCB_SECRET_ID: '', TCB_SECRET_KEY: '' },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  const steps = JSON.parse(run.stdout) as Array<{ kind: string; call: string }>;
  const shipped = JSON.parse(
    readFileSync(path.join(ROOT, 'storage', 'security-rules.json'), 'utf8'),
  ) as { read: unknown; write: unknown };
  const rule = { read: shipped.read, write: shipped.write };
  const index = steps.findIndex((s) => s.kind === 'storage-rule');
  expect(steps.filter((s) => s.kind === 'storage-rule')).toHaveLength(1);
  expect(steps[index]?.call).toBe(
    `storage.setStorageAcl("CUSTOM", ${JSON.stringify(rule)}) && storage.getStorageAcl({ withRule: true }) matches`,
  );
  expect(index).toBeLessThan(steps.findIndex((s) => s.kind === 'function'));
});

/** Runs applyStorageRule against a manager whose bucket keeps `kept` whatever it is sent. */
function apply(args: unknown[], kept: unknown): { status: number | null; out: string } {
  const code = `
    import { applyStorageRule } from ${JSON.stringify(RUN)};
    const sent = [];
    const manager = { storage: {
      setStorageAcl: async (...a) => { sent.push(a); return {}; },
      getStorageAcl: async () => (${JSON.stringify(kept)} ?? { acl: sent[0][0], rule: sent[0][1] }),
    } };
    try { await applyStorageRule(manager, ${JSON.stringify(args)}); console.log(JSON.stringify(sent)); }
    catch (e) { console.log(e.message); process.exitCode = 3; }`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  return { status: run.status, out: run.stdout.trim() };
}

test('applyStorageRule sends the rule and accepts it when the bucket kept it', () => {
  const rule = { read: 'auth != null', write: 'resource.openid == auth.openid' };
  expect(apply(['CUSTOM', rule], null)).toEqual({
    status: 0,
    out: JSON.stringify([['CUSTOM', rule]]),
  });
  expect(apply(['PRIVATE'], null).status).toBe(0);
});

test('a rule the bucket did not keep fails the deploy step', () => {
  const rule = { read: 'auth != null', write: 'resource.openid == auth.openid' };
  const result = apply(['CUSTOM', rule], { acl: 'READONLY' });
  expect(result.status).toBe(3);
  expect(result.out).toBe('the bucket kept {"acl":"READONLY"}, not CUSTOM');
});
