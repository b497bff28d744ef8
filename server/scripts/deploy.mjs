// `npm run deploy`: after `npm run build`, makes a CloudBase environment match this repository:
// collections, security rules and indexes from database/, the storage rule from storage/, the
// function security rule from server/function-security-rules.json, then every function in cloudbaserc.json deployed and verified. Never waits on a prompt.
//
//   TCB_ENV_ID=<env> TCB_REGION=ap-shanghai TCB_SECRET_ID=<id> TCB_SECRET_KEY=<key> npm run deploy
//   TCB_ENV_ID=<env> npm run deploy -- --dry-run        print every call, no credentials needed
//   ... --dry-run --json                                the same plan as JSON (tests read it)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlan, missingBundles } from './deploy/plan.mjs';
import { CONSOLE_STEP } from './deploy/function-rule.mjs';
import { DeployError, runPlan } from './deploy/run.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dryRun = process.argv.includes('--dry-run');
const json = process.argv.includes('--json');

function fail(message) {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

const env = (...names) => names.map((n) => process.env[n]?.trim()).find(Boolean);
const envId = env('TCB_ENV_ID');
if (!envId) fail('set TCB_ENV_ID to your CloudBase environment id (云开发控制台 → 环境 ID)');

let plan;
try {
  plan = buildPlan(root, envId);
} catch (error) {
  fail(`cannot read the deploy files: ${error.message}`);
}

if (dryRun) {
  if (json) {
    console.log(
      JSON.stringify(plan.steps.map(({ kind, target, call }) => ({ kind, target, call }))),
    );
  } else {
    console.log(`deploy plan for ${envId} (dry run: nothing is called):`);
    console.log('  0. tcb login --apiKeyId $TCB_SECRET_ID --apiKey $TCB_SECRET_KEY');
    plan.steps.forEach((step, i) => console.log(`  ${i + 1}. ${step.call}`));
  }
  process.exit(0);
}

const region = env('TCB_REGION', 'TENCENTCLOUD_REGION');
const secretId = env('TCB_SECRET_ID', 'TENCENTCLOUD_SECRETID');
const secretKey = env('TCB_SECRET_KEY', 'TENCENTCLOUD_SECRETKEY');
if (!region) fail("set TCB_REGION to the environment's region (e.g. ap-shanghai, ap-guangzhou)");
if (!secretId || !secretKey)
  fail(
    'set TCB_SECRET_ID and TCB_SECRET_KEY (an API key of the account that owns the environment)',
  );
const missing = missingBundles(root, plan);
if (missing.length > 0) fail(`${missing[0]} is missing: run "npm run build" first`);

let outcome;
try {
  outcome = await runPlan(root, plan, {
    envId,
    region,
    secretId,
    secretKey,
    log: (line) => console.log(line),
  });
} catch (error) {
  fail(
    error instanceof DeployError ? error.message : `unexpected failure: ${error?.message ?? error}`,
  );
}
console.log(
  `deploy: ${plan.functions.length} functions deployed and verified, database and storage rules and indexes applied to ${envId}`,
);
if (outcome.functionRule === 'unavailable') {
  console.log(
    `deploy: still to do by hand: close cleanupSessions and onUserAuthorizationChange to clients in ${CONSOLE_STEP} (docs/deploy.md)`,
  );
}
