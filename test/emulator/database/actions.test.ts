import { ejson, testDatabase } from './helpers';

describe('database actions (in memory)', () => {
  const t = testDatabase();
  afterAll(() => t.db.close());

  beforeEach(async () => {
    t.db.reset();
    expect((await t.call('addCollection', { collectionName: 'users' })).data).toEqual({});
  });

  test('a missing collection fails every read and write until it is created', async () => {
    const replies = await Promise.all([
      t.insert('ghost', [{ a: 1 }]),
      t.where('ghost'),
      t.doc('ghost', 'x'),
      t.call('calculateDocument', { collectionName: 'ghost' }),
      t.call('removeDocument', { collectionName: 'ghost', queryType: 'WHERE' }),
      t.call('modifyDocument', {
        collectionName: 'ghost',
        queryType: 'WHERE',
        data: ejson({ $set: { a: 1 } }),
      }),
      t.call('aggregateDocuments', { collectionName: 'ghost', stages: [] }),
    ]);
    for (const reply of replies) expect(reply.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect((await t.call('addCollection', { collectionName: 'users' })).code).toBe(
      'DATABASE_COLLECTION_ALREADY_EXIST',
    );
  });

  test('insert generates ids, keeps given ones and refuses a duplicate without touching the stored one', async () => {
    const reply = await t.insert('users', [{ _id: 'u1', n: 1 }, { n: 2 }]);
    const ids = reply.data?.insertedIds as string[];
    expect(ids[0]).toBe('u1');
    expect(ids[1]).toMatch(/^[0-9a-f]{32}$/);
    const dup = await t.insert('users', [{ _id: 'u3' }, { _id: 'u1', n: 99 }]);
    expect(dup.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(dup.message).toContain('E11000 duplicate key error');
    expect(t.list(await t.doc('users', 'u1'))).toEqual([{ _id: 'u1', n: 1 }]);
    // All or nothing: u3 of the failed batch was not kept.
    expect(t.list(await t.doc('users', 'u3'))).toEqual([]);
  });

  test('types survive the round trip as canonical Extended JSON', async () => {
    const when = new Date('2024-01-02T03:04:05.678Z');
    await t.insert('users', [
      { _id: 'x', i: 1, d: 1.5, when, re: /ab+c/i, nested: { arr: [1, 'two', null] } },
    ]);
    const reply = await t.doc('users', 'x');
    const raw = (reply.data?.list as string[])[0];
    expect(raw).toContain('{"$numberDouble":"1.5"}');
    expect(raw).toContain('{"$date":{"$numberLong":"1704164645678"}}');
    const [doc] = t.list(reply);
    expect(doc.when).toEqual(when);
    expect(doc.nested).toEqual({ arr: [1, 'two', null] });
  });

  test('$tcb_server_date becomes server time plus offset in add, set and $set', async () => {
    const before = Date.now();
    await t.call('insertDocument', {
      collectionName: 'users',
      data: ['{"_id":"s","at":{"$tcb_server_date":{"offset":60000}}}'],
    });
    await t.call('modifyDocument', {
      collectionName: 'users',
      queryType: 'DOC',
      query: ejson({ _id: 's' }),
      merge: true,
      data: '{"$set":{"later":{"$tcb_server_date":{"offset":-1000}}}}',
    });
    await t.call('modifyDocument', {
      collectionName: 'users',
      queryType: 'DOC',
      query: ejson({ _id: 'r' }),
      merge: false,
      upsert: true,
      data: '{"at":{"$tcb_server_date":{"offset":0}}}',
    });
    const [s] = t.list(await t.doc('users', 's'));
    const [r] = t.list(await t.doc('users', 'r'));
    const after = Date.now();
    expect((s.at as Date).getTime()).toBeGreaterThanOrEqual(before + 60000);
    expect((s.at as Date).getTime()).toBeLessThanOrEqual(after + 60000);
    expect((s.later as Date).getTime()).toBeLessThanOrEqual(after - 1000);
    expect(r.at).toBeInstanceOf(Date);
  });

  test('malformed requests get protocol errors, never exceptions', async () => {
    const replies = await Promise.all([
      t.db.handle('not an object'),
      t.db.handle({ action: 'database.nope' }),
      t.db.handle({
        action: 'database.getDocument',
        collectionName: 'users',
        queryType: 'WHERE',
        query: '{bad json',
      }),
      t.db.handle({
        action: 'database.getDocument',
        collectionName: 'users',
        queryType: 'DOC',
        query: '{}',
      }),
      t.db.handle({ action: 'database.insertDocument', collectionName: 'users', data: [] }),
      t.db.handle({ action: 'database.addCollection', collectionName: 'bad/name' }),
    ]);
    for (const reply of replies) {
      expect(reply.code).toBe('INVALID_PARAM');
      expect(typeof reply.requestId).toBe('string');
    }
    const badOperator = await t.where('users', { a: { $frobnicate: 1 } });
    expect(badOperator.code).toBe('DATABASE_REQUEST_FAILED');
  });
  test('field names that start with $ or are empty are refused, as MongoDB refuses them', async () => {
    const inserted = await t.call('insertDocument', {
      collectionName: 'users',
      data: ['{"a":{"$bad":1}}'],
    });
    expect(inserted.code).toBe('DATABASE_REQUEST_FAILED');
    expect(inserted.message).toContain("'$bad'");
    await t.insert('users', [{ _id: 'ok' }]);
    const updated = await t.call('modifyDocument', {
      collectionName: 'users',
      queryType: 'DOC',
      query: ejson({ _id: 'ok' }),
      data: ejson({ $set: { '': 1 } }),
    });
    expect(updated.code).toBe('DATABASE_REQUEST_FAILED');
    expect(t.list(await t.doc('users', 'ok'))).toEqual([{ _id: 'ok' }]);
  });

  test('the positional $ updates the array element the query matched; other paths skip it', async () => {
    const t = testDatabase();
    await t.call('addCollection', { collectionName: 'orders' });
    await t.insert('orders', [
      {
        _id: 'o1',
        items: [
          { sku: 'a', n: 1 },
          { sku: 'b', n: 1 },
        ],
        total: 2,
      },
    ]);
    const reply = await t.call('modifyDocument', {
      collectionName: 'orders',
      queryType: 'WHERE',
      query: ejson({ 'items.sku': 'b' }),
      data: ejson({ $inc: { 'items.$.n': 5, total: 5 } }),
    });
    expect(reply.data?.updated).toBe(1);
    expect(t.list(await t.doc('orders', 'o1'))).toEqual([
      {
        _id: 'o1',
        items: [
          { sku: 'a', n: 1 },
          { sku: 'b', n: 6 },
        ],
        total: 7,
      },
    ]);
  });

  test('a DOC update or remove acts on the document with exactly that _id, never a query', async () => {
    await t.insert('users', [
      { _id: 'u1', n: 1 },
      { _id: 'u2', n: 2 },
    ]);
    const byOperator = { _id: { $in: ['u1', 'u2'] } };
    const docRequest = { collectionName: 'users', queryType: 'DOC', query: ejson(byOperator) };
    const update = await t.call('modifyDocument', {
      ...docRequest,
      data: ejson({ $set: { n: 0 } }),
      merge: true,
    });
    const remove = await t.call('removeDocument', docRequest);
    expect([update.data, remove.data]).toEqual([{ updated: 0 }, { deleted: 0 }]);
    expect(t.list(await t.where('users'))).toEqual([
      { _id: 'u1', n: 1 },
      { _id: 'u2', n: 2 },
    ]);
  });
});
