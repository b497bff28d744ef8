// Group commit (emulator/src/database/group-commit.ts): a reply goes out only once the commits
// it may depend on are synced to disk, and commits that arrive together share one sync.
import { join } from 'node:path';
import { GroupCommit } from '../../../emulator/src/database/group-commit';
import { ejson, tempDir, testDatabase } from './helpers';

const disk = (t: ReturnType<typeof testDatabase>) =>
  t.db.stats().disk ?? { syncs: -1, commits: -1 };

const setName = (id: string, name: string) => ({
  collectionName: 'users',
  queryType: 'DOC',
  query: ejson({ _id: id }),
  merge: true,
  data: ejson({ $set: { name } }),
});

describe('group commit (file-backed database)', () => {
  test('a write is answered only after its commit is synced to disk', async () => {
    const t = testDatabase({ dataDir: tempDir() });
    await t.call('addCollection', { collectionName: 'users' });
    t.db.resetStats();
    const reply = await t.insert('users', [{ _id: 'a', name: 'x' }]);
    expect(reply.data).toBeDefined();
    // Counted when the reply arrives: the sync covering this commit has already finished.
    expect(disk(t)).toEqual({ syncs: 1, commits: 1 });
    t.db.close();
  });

  test('two writes sent together share one sync; a read with nothing pending syncs nothing', async () => {
    const t = testDatabase({ dataDir: tempDir() });
    await t.call('addCollection', { collectionName: 'users' });
    await t.insert('users', [{ _id: 'a' }, { _id: 'b' }]);
    t.db.resetStats();
    const [first, second] = await Promise.all([
      t.call('modifyDocument', setName('a', 'x')),
      t.call('modifyDocument', setName('b', 'y')),
    ]);
    expect([first.data?.updated, second.data?.updated]).toEqual([1, 1]);
    expect(disk(t)).toEqual({ syncs: 1, commits: 2 });
    expect(t.list(await t.doc('users', 'a'))).toEqual([{ _id: 'a', name: 'x' }]);
    expect(disk(t)).toEqual({ syncs: 1, commits: 2 });
    t.db.close();
  });

  test('a read that saw an unsynced write is answered after that write is synced', async () => {
    const t = testDatabase({ dataDir: tempDir() });
    await t.call('addCollection', { collectionName: 'users' });
    t.db.resetStats();
    const write = t.insert('users', [{ _id: 'a', name: 'x' }]);
    const read = await t.doc('users', 'a');
    expect(t.list(read)).toEqual([{ _id: 'a', name: 'x' }]);
    expect(disk(t).commits).toBe(1);
    await write;
    t.db.close();
  });

  test('a request after close is answered SYS_ERR, not thrown', async () => {
    const t = testDatabase({ dataDir: tempDir() });
    await t.call('addCollection', { collectionName: 'users' });
    t.db.close();
    const reply = await t.insert('users', [{ _id: 'late' }]);
    expect(reply.code).toBe('SYS_ERR');
    expect(reply.message).toMatch(/closed/);
  });

  test('an in-memory database never syncs', async () => {
    const t = testDatabase({ inMemory: true });
    await t.call('addCollection', { collectionName: 'users' });
    await t.insert('users', [{ _id: 'a' }]);
    expect(disk(t)).toEqual({ syncs: 0, commits: 0 });
    t.db.close();
  });

  test('a sync that fails rejects the waiting replies with the reason', async () => {
    const commits = new GroupCommit(join(tempDir(), 'missing', 'database.sqlite-wal'));
    commits.noteCommit();
    await expect(commits.durable()).rejects.toThrow(/ENOENT/);
  });

  test('closing with a sync that cannot be made fails the waiting replies, and close returns', async () => {
    const commits = new GroupCommit(join(tempDir(), 'missing', 'database.sqlite-wal'));
    commits.noteCommit();
    const waiting = commits.durable();
    expect(() => commits.close()).not.toThrow();
    await expect(waiting).rejects.toThrow(/ENOENT/);
  });
});
