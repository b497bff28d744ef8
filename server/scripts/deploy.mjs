// `npm run deploy`: after `npm run build`, deploys every function listed in cloudbaserc.json
// with the CloudBase CLI (`tcb login` first), then creates its triggers (the daily cleanup).
//
//   TCB_ENV_ID=<your env id> npm run deploy            deploy everything
//   TCB_ENV_ID=<env> node server/scripts/deploy.mjs --dry-run   print the commands only
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dryRun = process.argv.includes('--dry-run');

function fail(message) {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

const envId = process.env.TCB_ENV_ID?.trim();
if (!envId) {
  fail(
    'set TCB_ENV_ID to your CloudBase environment id (云开发控制台 → 环境 ID), e.g. TCB_ENV_ID=prod-1a2b3c npm run deploy',
  );
}
const rc = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8'));
const functions = rc.functions ?? [];
for (const fn of functions) {
  const bundle = path.join(root, rc.functionRoot ?? 'functions', fn.name, 'index.js');
  if (!existsSync(bundle))
    fail(`${path.relative(root, bundle)} is missing: run "npm run build" first`);
  // Cloud-call permissions travel in the folder's config.json (uploaded with the code).
  const folderConfig = path.join(path.dirname(bundle), 'config.json');
  if (fn.permissions && !existsSync(folderConfig))
    fail(`${path.relative(root, folderConfig)} is missing: run "npm run build" first`);
}

const tcb = path.join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'tcb.cmd' : 'tcb',
);

/** Runs one tcb command; returns whether it succeeded. */
function run(args, { mayFail = false } = {}) {
  console.log(`$ tcb ${args.join(' ')}`);
  if (dryRun) return true;
  const result = spawnSync(tcb, args, { cwd: root, stdio: 'inherit' });
  if (result.status === 0) return true;
  if (!mayFail)
    fail(
      `"tcb ${args.join(' ')}" failed (exit ${result.status}); is "tcb login" done and TCB_ENV_ID right?`,
    );
  return false;
}

for (const fn of functions) {
  // --force overwrites an existing function's code and config from cloudbaserc.json.
  run(['fn', 'deploy', fn.name, '-e', envId, '--force', '--yes']);
  if (Array.isArray(fn.triggers) && fn.triggers.length > 0) {
    // Re-deploying keeps an existing trigger; creating it again then fails harmlessly.
    if (!run(['fn', 'trigger', 'create', fn.name, '-e', envId], { mayFail: true })) {
      console.warn(
        `deploy: trigger of ${fn.name} not created (it may exist already); check the console`,
      );
    }
  }
}
console.log(
  `deploy: ${functions.length} functions ${dryRun ? 'would be ' : ''}deployed to ${envId}`,
);
