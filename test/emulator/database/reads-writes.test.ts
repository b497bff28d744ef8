import { ejson, testDatabase } from './helpers';

describe('database reads and writes (in memory)', () => {
  const t = testDatabase();
  afterAll(() => t.db.close());

  beforeEach(async () => {
    t.db.reset();
    expect((await t.call('addCollection', { collectionName: 'users' })).data).toEqual({});
  });

  test('where().get() pages: 100 by default, at most 1000, with order, offset and projection', async () => {
    await t.insert(
      'users',
      Array.from({ length: 1200 }, (_, i) => ({ _id: `u${i}`, n: i, parity: i % 2 })),
    );
    expect(t.list(await t.where('users'))).toHaveLength(100);
    expect(t.list(await t.where('users', undefined, { limit: 5000 }))).toHaveLength(1000);
    const page = t.list(
      await t.where(
        'users',
        { parity: 1 },
        { order: ejson({ n: -1 }), offset: 2, limit: 3, projection: ejson({ n: 1 }) },
      ),
    );
    expect(page).toEqual([
      { _id: 'u1195', n: 1195 },
      { _id: 'u1193', n: 1193 },
      { _id: 'u1191', n: 1191 },
    ]);
    const count = await t.call('calculateDocument', {
      collectionName: 'users',
      queryType: 'WHERE',
      query: ejson({ n: { $lt: 10 } }),
    });
    expect(count.data).toEqual({ total: 10 });
    expect((await t.call('calculateDocument', { collectionName: 'users' })).data).toEqual({
      total: 1200,
    });
    const projected = await t.doc('users', 'u3', { projection: ejson({ parity: 0 }) });
    expect(Object.keys(t.list(projected)[0])).toEqual(['_id', 'n']);
  });

  test('update, set (replace / upsert) and where-update report what changed', async () => {
    await t.insert('users', [
      { _id: 'a', n: 1, tags: ['x'] },
      { _id: 'b', n: 2 },
      { _id: 'c', n: 3 },
    ]);
    const modify = (fields: Record<string, unknown>) =>
      t.call('modifyDocument', { collectionName: 'users', ...fields });
    const upd = await modify({
      queryType: 'DOC',
      query: ejson({ _id: 'a' }),
      merge: true,
      data: ejson({ $inc: { n: 10 }, $push: { tags: { $each: ['y'] } } }),
    });
    expect(upd.data).toEqual({ updated: 1 });
    const same = await modify({
      queryType: 'DOC',
      query: ejson({ _id: 'a' }),
      merge: true,
      data: ejson({ $set: { n: 11 } }),
    });
    expect(same.data).toEqual({ updated: 0 });
    const replaced = await modify({
      queryType: 'DOC',
      query: ejson({ _id: 'b' }),
      merge: false,
      upsert: true,
      data: ejson({ only: true }),
    });
    expect(replaced.data).toEqual({ updated: 1 });
    expect(t.list(await t.doc('users', 'b'))).toEqual([{ _id: 'b', only: true }]);
    const created = await modify({
      queryType: 'DOC',
      query: ejson({ _id: 'new' }),
      merge: false,
      upsert: true,
      data: ejson({ v: 1 }),
    });
    expect(created.data).toEqual({ updated: 0, upsert_id: 'new' });
    const many = await modify({
      queryType: 'WHERE',
      query: ejson({ n: { $gte: 3 } }),
      merge: true,
      data: ejson({ $set: { big: true } }),
    });
    expect(many.data).toEqual({ updated: 2 });
    const one = await modify({
      queryType: 'WHERE',
      query: ejson({ big: true }),
      multi: false,
      merge: true,
      data: ejson({ $unset: { big: '' } }),
    });
    expect(one.data).toEqual({ updated: 1 });
    const idChange = await modify({
      queryType: 'DOC',
      query: ejson({ _id: 'a' }),
      merge: true,
      data: ejson({ $set: { _id: 'z' } }),
    });
    expect(idChange.code).toBe('DATABASE_REQUEST_FAILED');
    expect(t.list(await t.doc('users', 'a'))).toEqual([{ _id: 'a', n: 11, tags: ['x', 'y'] }]);
  });

  test('remove by id and by query, multi or not', async () => {
    await t.insert('users', [
      { _id: 'a', k: 1 },
      { _id: 'b', k: 1 },
      { _id: 'c', k: 1 },
      { _id: 'd', k: 2 },
    ]);
    const remove = (fields: Record<string, unknown>) =>
      t.call('removeDocument', { collectionName: 'users', ...fields });
    expect(
      (await remove({ queryType: 'DOC', query: ejson({ _id: 'a' }), multi: false })).data,
    ).toEqual({ deleted: 1 });
    expect(
      (await remove({ queryType: 'DOC', query: ejson({ _id: 'a' }), multi: false })).data,
    ).toEqual({ deleted: 0 });
    expect(
      (await remove({ queryType: 'WHERE', query: ejson({ k: 1 }), multi: false })).data,
    ).toEqual({ deleted: 1 });
    expect((await remove({ queryType: 'WHERE', query: ejson({ k: { $gt: 0 } }) })).data).toEqual({
      deleted: 2,
    });
  });

  test('aggregation stages, including $lookup into another collection', async () => {
    await t.call('addCollection', { collectionName: 'orders' });
    await t.insert('users', [
      { _id: 'u1', name: 'A' },
      { _id: 'u2', name: 'B' },
    ]);
    await t.insert('orders', [
      { user: 'u1', total: 5 },
      { user: 'u1', total: 7 },
      { user: 'u2', total: 1 },
    ]);
    const stage = (stageKey: string, value: unknown) => ({ stageKey, stageValue: ejson(value) });
    const reply = await t.call('aggregateDocuments', {
      collectionName: 'orders',
      stages: [
        stage('$match', { total: { $gt: 0 } }),
        stage('$group', { _id: '$user', sum: { $sum: '$total' }, n: { $sum: 1 } }),
        stage('$lookup', { from: 'users', localField: '_id', foreignField: '_id', as: 'user' }),
        stage('$unwind', '$user'),
        stage('$addFields', { name: '$user.name' }),
        stage('$project', { user: 0 }),
        stage('$sort', { sum: -1 }),
        stage('$skip', 0),
        stage('$limit', 10),
      ],
    });
    expect(t.list(reply)).toEqual([
      { _id: 'u1', sum: 12, n: 2, name: 'A' },
      { _id: 'u2', sum: 1, n: 1, name: 'B' },
    ]);
    const counted = await t.call('aggregateDocuments', {
      collectionName: 'orders',
      stages: [stage('$count', 'n')],
    });
    expect(t.list(counted)).toEqual([{ n: 3 }]);
    const sampled = await t.call('aggregateDocuments', {
      collectionName: 'orders',
      stages: [stage('$sample', { size: 2 })],
    });
    expect(t.list(sampled)).toHaveLength(2);
  });
});
