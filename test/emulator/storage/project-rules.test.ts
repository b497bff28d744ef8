/**
 * This project's own storage rule (storage/security-rules.json, as shipped) on the avatar
 * flow: a user uploads an avatar the way the profile page does, others may show it, nobody but
 * the uploader may replace or delete it, and files a function wrote stay out of clients' reach.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StorageRuleSource } from '../../../emulator/src/storage/storage-rule-source';
import { startStorageHarness, type StorageHarness } from './support';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SHIPPED = JSON.parse(
  readFileSync(path.join(REPO, 'storage', 'security-rules.json'), 'utf8'),
) as unknown;
const DENIED = -503002;

let h: StorageHarness;
beforeAll(async () => {
  h = await startStorageHarness(SHIPPED);
});
afterAll(() => h.stop());

it('the repository project loads it as a custom rule (no error, not the default)', () => {
  const entry = new StorageRuleSource(REPO).check();
  expect(entry.file).toBe(path.join(REPO, 'storage', 'security-rules.json'));
  expect(entry.rule.preset).toBeUndefined();
});

it('an avatar: others get a temp URL, but only its uploader replaces or deletes it', async () => {
  const fileID = (await h.upload('o-alice', 'avatars/1700000000000-abc.jpg', 'alice')) as string;
  expect(typeof fileID).toBe('string');
  const seen = await h.as('o-bob').getTempFileURL({ fileList: [fileID] });
  expect(seen.fileList[0]).toMatchObject({ fileID, status: 0 });

  const replaced = await h.upload('o-bob', 'avatars/1700000000000-abc.jpg', 'bob');
  expect(typeof replaced === 'string' ? replaced : replaced.errCode).toBe(DENIED);
  const removed = await h.as('o-bob').deleteFile({ fileList: [fileID] });
  expect(removed.fileList[0]).toMatchObject({ status: DENIED });
  expect(await h.adminRead(fileID)).toBe('alice');

  expect(await h.upload('o-alice', 'avatars/1700000000000-abc.jpg', 'alice v2')).toBe(fileID);
  const own = await h.as('o-alice').deleteFile({ fileList: [fileID] });
  expect(own.fileList[0]).toMatchObject({ status: 0 });
});

it('a file a function wrote cannot be replaced or deleted from the client', async () => {
  const fileID = await h.adminUpload('avatars/default.png', 'default');
  const replaced = await h.upload('o-alice', 'avatars/default.png', 'mine now');
  expect(typeof replaced === 'string' ? replaced : replaced.errCode).toBe(DENIED);
  const removed = await h.as('o-alice').deleteFile({ fileList: [fileID] });
  expect(removed.fileList[0]).toMatchObject({ status: DENIED });
  expect(await h.adminRead(fileID)).toBe('default');
});
