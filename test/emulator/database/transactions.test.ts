import { ejson, testDatabase } from './helpers';

describe('database transactions', () => {
  const t = testDatabase({ inMemory: true, transactionTimeoutMs: 300 });
  afterAll(() => t.db.close());

  const start = async (): Promise<string> => {
    const reply = await t.call('startTransaction');
    expect(typeof reply.transactionId).toBe('string'); // the SDK reads it at the top level
    return reply.transactionId as string;
  };
  const update = (id: string, set: Record<string, unknown>, transactionId?: string) =>
    t.call('modifyDocument', {
      collectionName: 'acc',
      queryType: 'DOC',
      query: ejson({ _id: id }),
      merge: true,
      data: ejson({ $set: set }),
      transactionId,
    });
  const balance = async (id: string, transactionId?: string) =>
    t.list(await t.doc('acc', id, { transactionId }))[0]?.v;

  beforeEach(async () => {
    t.db.reset();
    await t.call('addCollection', { collectionName: 'acc' });
    await t.insert('acc', [
      { _id: 'a', v: 10 },
      { _id: 'b', v: 0 },
    ]);
  });

  test('uncommitted writes are invisible outside and visible inside; commit publishes them', async () => {
    const tx = await start();
    expect((await update('a', { v: 5 }, tx)).data).toEqual({ updated: 1 });
    await t.insert('acc', [{ _id: 'c', v: 1 }], { transactionId: tx });
    expect(await balance('a')).toBe(10);
    expect(await balance('a', tx)).toBe(5);
    expect(
      t.list(await t.where('acc', { v: { $gte: 1 } }, { transactionId: tx })).map((d) => d._id),
    ).toEqual(['a', 'c']);
    expect(t.list(await t.doc('acc', 'c'))).toEqual([]);
    expect((await t.call('commitTransaction', { transactionId: tx })).code).toBeUndefined();
    expect(await balance('a')).toBe(5);
    expect(await balance('c')).toBe(1);
  });

  test('abort discards the writes, and aborting twice is harmless', async () => {
    const tx = await start();
    await update('a', { v: 1 }, tx);
    await t.call('removeDocument', {
      collectionName: 'acc',
      queryType: 'DOC',
      query: ejson({ _id: 'b' }),
      transactionId: tx,
    });
    expect((await t.call('abortTransaction', { transactionId: tx })).code).toBeUndefined();
    expect((await t.call('abortTransaction', { transactionId: tx })).code).toBeUndefined();
    expect(await balance('a')).toBe(10);
    expect(await balance('b')).toBe(0);
    expect((await t.call('commitTransaction', { transactionId: tx })).code).toBe(
      'DATABASE_TRANSACTION_FAIL',
    );
  });

  test('the second writer of a document conflicts; the first commits', async () => {
    const first = await start();
    const second = await start();
    await update('a', { v: 1 }, first);
    const clash = await update('a', { v: 2 }, second);
    expect(clash.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(clash.message).toMatch(/^\[ResourceUnavailable\.TransactionConflict\]/);
    expect((await t.call('commitTransaction', { transactionId: first })).code).toBeUndefined();
    expect(await balance('a')).toBe(1);
    // The conflicting transaction was aborted by the conflict.
    expect((await t.call('commitTransaction', { transactionId: second })).code).toBe(
      'DATABASE_TRANSACTION_FAIL',
    );
  });

  test('reads keep the snapshot; writing a document changed since start conflicts', async () => {
    const tx = await start();
    expect(await balance('a', tx)).toBe(10);
    await update('a', { v: 99 }); // committed outside the transaction
    expect(await balance('a', tx)).toBe(10);
    expect((await update('a', { v: 11 }, tx)).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await balance('a')).toBe(99);
  });

  test('a change outside after the transaction wrote fails its commit', async () => {
    const tx = await start();
    await update('b', { v: 7 }, tx);
    await update('b', { v: 8 });
    expect((await t.call('commitTransaction', { transactionId: tx })).code).toBe(
      'DATABASE_TRANSACTION_CONFLICT',
    );
    expect(await balance('b')).toBe(8);
  });

  test('an open transaction is aborted after the timeout and fails afterwards', async () => {
    const tx = await start();
    await update('a', { v: 3 }, tx);
    await new Promise((resolve) => setTimeout(resolve, 450));
    const late = await update('a', { v: 4 }, tx);
    expect(late.code).toBe('DATABASE_TRANSACTION_FAIL');
    expect((await t.call('commitTransaction', { transactionId: tx })).code).toBe(
      'DATABASE_TRANSACTION_FAIL',
    );
    expect(await balance('a')).toBe(10);
    // Its lock is gone: a new transaction can write the document.
    const next = await start();
    expect((await update('a', { v: 5 }, next)).data).toEqual({ updated: 1 });
    await t.call('abortTransaction', { transactionId: next });
  });

  test('an unknown transaction id fails with DATABASE_TRANSACTION_FAIL', async () => {
    expect((await update('a', { v: 1 }, 'nope')).code).toBe('DATABASE_TRANSACTION_FAIL');
  });
  test('a commit that cannot apply (collection dropped meanwhile) fails and ends the transaction', async () => {
    const tx = await start();
    await update('a', { v: 1 }, tx);
    t.db.dropCollection('acc');
    expect((await t.call('commitTransaction', { transactionId: tx })).code).toBe(
      'DATABASE_COLLECTION_NOT_EXIST',
    );
    expect((await t.call('commitTransaction', { transactionId: tx })).code).toBe(
      'DATABASE_TRANSACTION_FAIL',
    );
  });
});
