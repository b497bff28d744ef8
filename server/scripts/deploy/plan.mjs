// The deploy plan, built from the repository's files only (no credentials, no network), so
// `npm run deploy -- --dry-run` can print it and a test can check it against the files.
// Order matters: collections, rules (database, then storage) and indexes first (rules in force before any traffic:
// a collection a function creates on first use gets the console default, 仅创建者可读写, which
// lets a user write their own users document from the client), then each function deployed and
// verified. `tcb fn deploy` creates a function's timer triggers itself: no separate step.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readFunctionRule } from './function-rule.mjs';

const PRESETS = ['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY'];

/** Rules as ModifySafeRule takes them: a preset tag, or CUSTOM with the rule JSON. */
export function safeRuleParam(envId, collection, rule) {
  if (typeof rule === 'string') {
    if (!PRESETS.includes(rule)) throw new Error(`unknown preset "${rule}" for ${collection}`);
    return { EnvId: envId, CollectionName: collection, AclTag: rule };
  }
  // "$comment" is ours (notes in the repo's files); production refuses unknown keys.
  const { $comment: _ignored, ...body } = rule;
  return { EnvId: envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(body) };
}

/**
 * storage/security-rules.json → the arguments of manager-node's storage.setStorageAcl (which
 * sends ModifyStorageSafeRule for the env's bucket): a preset tag, or CUSTOM with { read, write }
 * (an absent key is false, as the emulator reads it; "$comment" is ours and dropped).
 */
export function storageAclArgs(rule) {
  if (typeof rule === 'string') {
    if (!PRESETS.includes(rule)) throw new Error(`unknown storage preset "${rule}"`);
    return [rule];
  }
  const { $comment: _ignored, ...body } = rule;
  const unknown = Object.keys(body).filter((key) => key !== 'read' && key !== 'write');
  if (unknown.length > 0) throw new Error(`storage rule has unknown key "${unknown[0]}"`);
  return ['CUSTOM', { read: body.read ?? false, write: body.write ?? false }];
}

function readStorageRule(root) {
  const file = path.join(root, 'storage', 'security-rules.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** indexes.json → { collection: [CreateIndex] } as database.updateCollection takes them. */
export function createIndexes(indexes) {
  const out = {};
  for (const [collection, list] of Object.entries(indexes)) {
    if (collection.startsWith('$') || !Array.isArray(list)) continue;
    out[collection] = list.map((index) => ({
      IndexName: index.name,
      MgoKeySchema: {
        MgoIndexKeys: index.keys.map((key) => ({
          Name: key.field,
          Direction: String(key.direction),
        })),
        MgoIsUnique: Boolean(index.unique),
      },
    }));
  }
  return out;
}

/**
 * Every step, in order. Each is { kind, target, call } where `call` is the exact call the deploy
 * makes (printed by --dry-run) and the runner (run.mjs) executes it.
 */
export function buildPlan(root, envId) {
  const rc = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8'));
  const rulesDir = path.join(root, 'database', 'security-rules');
  const rules = readdirSync(rulesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      collection: f.slice(0, -5),
      rule: JSON.parse(readFileSync(path.join(rulesDir, f), 'utf8')),
    }));
  const indexes = createIndexes(
    JSON.parse(readFileSync(path.join(root, 'database', 'indexes.json'), 'utf8')),
  );
  const collections = [
    ...new Set([...rules.map((r) => r.collection), ...Object.keys(indexes)]),
  ].sort();
  const functions = (rc.functions ?? []).map((fn) => fn.name);

  const steps = [];
  for (const collection of collections) {
    steps.push({
      kind: 'collection',
      target: collection,
      call: `database.createCollectionIfNotExists(${JSON.stringify(collection)})`,
    });
  }
  for (const { collection, rule } of rules) {
    const param = safeRuleParam(envId, collection, rule);
    steps.push({
      kind: 'rule',
      target: collection,
      param,
      call: `commonService('tcb').call(${JSON.stringify({ Action: 'ModifySafeRule', Param: param })})`,
    });
  }
  const storageRule = readStorageRule(root);
  if (storageRule !== null) {
    // Before any function: the bucket's rule is in force before a client can upload.
    const args = storageAclArgs(storageRule);
    steps.push({
      kind: 'storage-rule',
      target: 'storage',
      args,
      call: `storage.setStorageAcl(${args.map((a) => JSON.stringify(a)).join(', ')}) && storage.getStorageAcl({ withRule: true }) matches`,
    });
  }
  for (const [collection, list] of Object.entries(indexes)) {
    for (const index of list) {
      steps.push({
        kind: 'index',
        target: collection,
        index,
        call: `database.checkIndexExists(${JSON.stringify(collection)}, ${JSON.stringify(index.IndexName)}) || database.updateCollection(${JSON.stringify(collection)}, ${JSON.stringify({ CreateIndexes: [index] })})`,
      });
    }
  }
  const functionRule = readFunctionRule(root);
  if (functionRule !== null) {
    // Before any function: the platform-only ones are closed to clients before they exist.
    steps.push({
      kind: 'function-rule',
      target: 'functions',
      rule: functionRule,
      call: `permission.modifyResourcePermission({ resourceType: "function", permission: "CUSTOM", securityRule: <the environment's rule> + ${JSON.stringify(functionRule)} }) && read back`,
    });
  }
  for (const name of functions) {
    steps.push({
      kind: 'function',
      target: name,
      call: `tcb fn deploy ${name} -e ${envId} --force --yes`,
    });
    steps.push({
      kind: 'verify',
      target: name,
      call: `functions.getFunctionDetail(${JSON.stringify(name)}) → Status "Active"`,
    });
  }
  return { steps, functions, functionRoot: rc.functionRoot ?? 'functions', rc };
}

/** Bundles must exist before anything is deployed (`npm run deploy` builds first). */
export function missingBundles(root, plan) {
  const missing = [];
  for (const fn of plan.rc.functions ?? []) {
    const bundle = path.join(root, plan.functionRoot, fn.name, 'index.js');
    if (!existsSync(bundle)) missing.push(path.relative(root, bundle));
    // Cloud-call permissions travel in the folder's config.json (uploaded with the code).
    const folderConfig = path.join(path.dirname(bundle), 'config.json');
    if (fn.permissions && !existsSync(folderConfig))
      missing.push(path.relative(root, folderConfig));
  }
  return missing;
}
