import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ejson, tempDir, testDatabase } from './helpers';

describe('database storage (file-backed)', () => {
  const dataDir = tempDir();

  test('data persists across close and reopen, with natural order kept', async () => {
    const first = testDatabase({ dataDir });
    await first.call('addCollection', { collectionName: 'users' });
    await first.insert('users', [
      { _id: 'z', n: 1 },
      { _id: 'a', n: 2 },
    ]);
    await first.call('modifyDocument', {
      collectionName: 'users',
      queryType: 'DOC',
      query: ejson({ _id: 'z' }),
      merge: true,
      data: ejson({ $set: { n: 3 } }),
    });
    first.db.close();
    const second = testDatabase({ dataDir });
    expect(second.list(await second.where('users'))).toEqual([
      { _id: 'z', n: 3 },
      { _id: 'a', n: 2 },
    ]);
    expect(second.db.listCollections()).toEqual([{ name: 'users', count: 2 }]);
    second.db.close();
  });

  test('equality lookups answered from indexes agree with mongo semantics (arrays, types)', async () => {
    const t = testDatabase({ dataDir: tempDir() });
    await t.call('addCollection', { collectionName: 'c' });
    await t.insert('c', [
      { _id: 1, k: 'x' },
      { _id: '1', k: ['y', 'x'] },
      { _id: 'n', k: 5 },
      { _id: 'b', k: true },
      { _id: 'o', k: { x: 1 } },
    ]);
    const ids = async (q: unknown) => t.list(await t.where('c', q)).map((d) => d._id);
    expect(await ids({ k: 'x' })).toEqual([1, '1']);
    expect(await ids({ k: 5 })).toEqual(['n']);
    expect(await ids({ k: true })).toEqual(['b']);
    expect(await ids({ _id: 1 })).toEqual([1]);
    expect(await ids({ _id: '1' })).toEqual(['1']);
    expect(await ids({ $and: [{ k: { $eq: 'y' } }, { _id: { $ne: 'zz' } }] })).toEqual(['1']);
    t.db.close();
  });

  test('export then import gives back identical data; the format is documented JSONL + manifest', async () => {
    const source = testDatabase({ dataDir: tempDir() });
    await source.call('addCollection', { collectionName: 'users' });
    await source.call('addCollection', { collectionName: 'empty' });
    const docs = [
      { _id: 'a', when: new Date(5), d: 1.5, re: /x/i },
      { _id: 2, list: [1, { y: null }] },
    ];
    await source.insert('users', docs);
    const dir = tempDir('db-export-');
    const manifest = source.db.exportTo(dir);
    expect(manifest.collections).toEqual([
      { name: 'users', count: 2, file: 'users.jsonl' },
      { name: 'empty', count: 0, file: 'empty.jsonl' },
    ]);
    const lines = readFileSync(join(dir, 'users.jsonl'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(ejson(docs[0]));
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).version).toBe(1);

    const target = testDatabase({ inMemory: true });
    await target.call('addCollection', { collectionName: 'stale' });
    target.db.importFrom(dir);
    expect(target.db.listCollections()).toEqual([
      { name: 'users', count: 2 },
      { name: 'empty', count: 0 },
    ]);
    expect((await target.where('users')).data?.list).toEqual(
      (await source.where('users')).data?.list,
    );
    source.db.close();
    target.db.close();
  });

  test('a broken export is refused and leaves the data as it was', async () => {
    const t = testDatabase({ inMemory: true });
    await t.call('addCollection', { collectionName: 'keep' });
    expect(() => t.db.importFrom(tempDir('db-empty-'))).toThrow(/manifest/);
    expect(t.db.listCollections()).toEqual([{ name: 'keep', count: 0 }]);
    t.db.close();
  });

  test('reset and dropCollection remove data', async () => {
    const t = testDatabase({ inMemory: true });
    await t.call('addCollection', { collectionName: 'a' });
    await t.call('addCollection', { collectionName: 'b' });
    expect(t.db.dropCollection('a')).toBe(true);
    expect(t.db.dropCollection('a')).toBe(false);
    expect((await t.where('a')).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    t.db.reset();
    expect(t.db.listCollections()).toEqual([]);
    t.db.close();
  });

  test('fault injection answers SYS_ERR after the added latency; stats count calls per invocation', async () => {
    const t = testDatabase({ inMemory: true });
    t.db.setFaults({ faultRate: 1, latencyMs: 30 });
    // The added latency is a bench figure (bench/healthz-under-attack.ts), not a stopwatch here.
    const reply = await t.db.handle(
      { action: 'database.addCollection', collectionName: 'x' },
      { invocationId: 'r1', functionName: 'login' },
    );
    expect(reply.code).toBe('SYS_ERR');
    expect(t.db.listCollections()).toEqual([]);
    expect(() => t.db.setFaults({ faultRate: 2 })).toThrow();
    t.db.setFaults({ faultRate: 0, latencyMs: 0 });
    expect(t.db.getFaults()).toEqual({ faultRate: 0, latencyMs: 0 });
    await t.db.handle(
      { action: 'database.addCollection', collectionName: 'x' },
      { invocationId: 'r1', functionName: 'login' },
    );
    await t.db.handle(
      { action: 'database.getDocument', collectionName: 'x', queryType: 'WHERE' },
      { invocationId: 'r2' },
    );
    const stats = t.db.stats();
    expect(stats.calls).toBe(3);
    expect(stats.byAction).toEqual({ 'database.addCollection': 2, 'database.getDocument': 1 });
    expect(stats.byInvocation.r1).toEqual({
      functionName: 'login',
      calls: 2,
      byAction: { 'database.addCollection': 2 },
      rounds: 2,
    });
    t.db.resetStats();
    expect(t.db.stats()).toEqual({
      calls: 0,
      faultsInjected: 0,
      byAction: {},
      byInvocation: {},
      disk: { syncs: 0, commits: 0 },
    });
    t.db.close();
  });
});
