/**
 * The storage rule file is checked as production checks a rule on save: only read and write,
 * only the variables storage rules have (auth, resource), no get(); a bad file stops the start.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../../emulator/src/index';
import {
  compileStorageRule,
  judgeStorage,
  storageRuleToJson,
} from '../../../emulator/src/storage/storage-rule';

it.each([
  [{ read: true, create: true }, 'unknown key "create"'],
  [{ read: 'doc._openid == auth.openid' }, 'unknown variable "doc"'],
  [{ write: "get('database.users.x').admin == true" }, 'get() is not available'],
  [{ read: 1 }, '"read" must be true, false or an expression string'],
  ['PUBLIC', 'unknown preset "PUBLIC"'],
  [['READONLY'], 'must be a preset name'],
])('refuses %j', (rule, message) => {
  expect(() => compileStorageRule(rule)).toThrow(message);
});

it('a preset keeps its name; an absent key is false; $comment is ignored', async () => {
  expect(storageRuleToJson(compileStorageRule('PRIVATE'))).toBe('PRIVATE');
  const rule = compileStorageRule({ $comment: 'note', read: 'auth != null' });
  expect(storageRuleToJson(rule)).toEqual({ read: 'auth != null', write: false });
  const file = { openid: 'o-a', path: 'a.txt' };
  expect((await judgeStorage(rule, 'read', 'o-b', file)).allowed).toBe(true);
  expect(await judgeStorage(rule, 'write', 'o-a', file)).toEqual({
    allowed: false,
    reason: 'write: false',
  });
});

it('a broken storage/security-rules.json stops the start with one line naming it', async () => {
  const project = mkdtempSync(path.join(tmpdir(), 'wx-storage-bad-'));
  try {
    writeFileSync(path.join(project, 'cloudbaserc.json'), JSON.stringify({ envId: 'bad-env' }));
    mkdirSync(path.join(project, 'storage'));
    writeFileSync(path.join(project, 'storage', 'security-rules.json'), '{"read": "auth.uid =="}');
    await expect(startEmulator({ project, inMemory: true, port: 0 })).rejects.toThrow(
      /^storage security rules: .*storage[/\\]security-rules\.json: "read": /,
    );
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
