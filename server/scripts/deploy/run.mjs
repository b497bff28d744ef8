// Runs a deploy plan against the cloud: @cloudbase/manager-node for the database (collections,
// ModifySafeRule through its common service, indexes), the storage rule (storage.setStorageAcl)
// the function security rule (function-rule.mjs) and the function checks; the CloudBase CLI
// (`tcb fn deploy`, which reads cloudbaserc.json and creates timer triggers) for the code.
// The CLI exits 0 even when a deploy fails, so every function is verified afterwards; any
// failure stops the deploy with a non-zero exit and one line naming the step.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { applyFunctionRule } from './function-rule.mjs';

export class DeployError extends Error {}

function cli(root, args, secret) {
  const tcb = path.join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'tcb.cmd' : 'tcb',
  );
  // No stdin: the CLI must never wait on a prompt (CI has no terminal).
  const result = spawnSync(tcb, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    const shown = args.map((a) => (a === secret ? '***' : a)).join(' ');
    throw new DeployError(`"tcb ${shown}" failed (exit ${result.status})`);
  }
}

/** Returns what needs the console: `functionRule: 'unavailable'` when the API refused it. */
export async function runPlan(root, plan, { envId, region, secretId, secretKey, log }) {
  const outcome = { functionRule: 'none' };
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const manager = new CloudBase({ secretId, secretKey, envId, region });
  // Non-interactive CLI login with the same API key (as CI would).
  log(`$ tcb login --apiKeyId *** --apiKey ***`);
  cli(root, ['login', '--apiKeyId', secretId, '--apiKey', secretKey], secretKey);
  for (const [i, step] of plan.steps.entries()) {
    log(`[${i + 1}/${plan.steps.length}] ${step.call}`);
    try {
      const result = await runStep(root, manager, step, envId, log);
      if (step.kind === 'function-rule') outcome.functionRule = result;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DeployError(`${step.kind} ${step.target}: ${reason.split('\n')[0]}`);
    }
  }
  return outcome;
}

/** Sets the bucket's rule, then reads it back: a rule the cloud did not keep fails the deploy. */
export async function applyStorageRule(manager, [acl, rule]) {
  await manager.storage.setStorageAcl(acl, rule);
  const kept = await manager.storage.getStorageAcl({ withRule: true });
  const same =
    kept.acl === acl &&
    (acl !== 'CUSTOM' || (kept.rule?.read === rule.read && kept.rule?.write === rule.write));
  if (!same) throw new DeployError(`the bucket kept ${JSON.stringify(kept)}, not ${acl}`);
}

async function runStep(root, manager, step, envId, log) {
  switch (step.kind) {
    case 'collection':
      await manager.database.createCollectionIfNotExists(step.target);
      return;
    case 'rule':
      await manager.commonService('tcb').call({ Action: 'ModifySafeRule', Param: step.param });
      return;
    case 'storage-rule':
      await applyStorageRule(manager, step.args);
      return;
    case 'function-rule':
      return applyFunctionRule(manager, step.rule, log);
    case 'index': {
      const exists = await manager.database.checkIndexExists(step.target, step.index.IndexName);
      if (!exists.Exists)
        await manager.database.updateCollection(step.target, { CreateIndexes: [step.index] });
      return;
    }
    case 'function':
      cli(root, ['fn', 'deploy', step.target, '-e', envId, '--force', '--yes']);
      return;
    case 'verify': {
      const detail = await manager.functions.getFunctionDetail(step.target);
      if (detail.Status !== 'Active') {
        throw new DeployError(
          `status is ${detail.Status}${detail.StatusDesc ? ` (${detail.StatusDesc})` : ''}, not Active`,
        );
      }
      return;
    }
    default:
      throw new DeployError(`unknown step kind ${step.kind}`);
  }
}
