// The function security rule (云函数安全规则): environment-wide, one JSON for every function,
// judged only for clients' callFunction (timers, message pushes and server calls are not
// judged). Deploy closes the platform-only functions to clients through manager-node's
// permission.modifyResourcePermission (the ModifyResourcePermission API, resourceType
// "function"), merged into whatever rule the environment already has so a team's own keys
// survive. The functions refuse non-platform callers themselves (server/src/platform-caller.ts):
// this rule is the second lock, so a cloud that refuses the API gets a warning naming the console
// step, not a failed deploy; a rule the cloud stored differently does fail it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CONSOLE_STEP =
  '云开发控制台 → 云函数 → 权限控制 (CloudBase console → Cloud functions → Permission control)';

export function readFunctionRule(root) {
  const file = path.join(root, 'server', 'function-security-rules.json');
  if (!existsSync(file)) return null;
  const { $comment: _ignored, ...rule } = JSON.parse(readFileSync(file, 'utf8'));
  for (const [name, entry] of Object.entries(rule)) {
    if (typeof entry !== 'object' || entry === null || !('invoke' in entry))
      throw new Error(`function rule "${name}" has no invoke`);
  }
  if (!rule['*']) throw new Error('the function rule needs a "*" key (CloudBase requires it)');
  return rule;
}

/** The environment's rule with ours on top; our "*" only when it has none. */
export function mergeFunctionRule(existingJson, ours) {
  let existing = {};
  try {
    const parsed = existingJson ? JSON.parse(existingJson) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) existing = parsed;
  } catch {
    // An unreadable rule protects nothing: ours replaces it.
  }
  const { '*': wildcard, ...named } = ours;
  return { '*': wildcard, ...existing, ...named };
}

/** The rule stored for functions, as a JSON string (manager-node wraps some replies in Data). */
async function storedRule(manager) {
  const reply = await manager.permission.describeResourcePermission({ resourceType: 'function' });
  const list = (reply?.Data ?? reply)?.PermissionList ?? [];
  return list.find((item) => typeof item.SecurityRule === 'string')?.SecurityRule;
}

/**
 * Merges `ours` into the environment's function rule and reads it back. Returns 'applied', or
 * 'unavailable' (the API refused: `log` got the console step); throws when the cloud kept a rule
 * in which one of our keys differs.
 */
export async function applyFunctionRule(manager, ours, log) {
  let merged;
  try {
    merged = mergeFunctionRule(await storedRule(manager), ours);
    await manager.permission.modifyResourcePermission({
      resourceType: 'function',
      permission: 'CUSTOM',
      securityRule: JSON.stringify(merged),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`warning: the function security rule was not written (${reason.split('\n')[0]}).`);
    log(`  Set it by hand: ${CONSOLE_STEP}, merging ${JSON.stringify(ours)}`);
    return 'unavailable';
  }
  const kept = JSON.parse((await storedRule(manager)) ?? '{}');
  for (const [name, entry] of Object.entries(ours)) {
    if (name === '*') continue;
    if (JSON.stringify(kept[name]) !== JSON.stringify(entry))
      throw new Error(`the function rule kept ${name}: ${JSON.stringify(kept[name])}`);
  }
  return 'applied';
}
