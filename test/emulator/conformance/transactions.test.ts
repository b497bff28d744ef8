import { useConformance } from './support';

describe('conformance: transactions', () => {
  const c = useConformance({ transactionTimeoutMs: 600 });
  let name = '';

  beforeEach(async () => {
    name = await c.collection();
    await c.value(
      `await db.collection('${name}').add({ data: [{ _id: 'a', v: 10 }, { _id: 'b', v: 0 }] })`,
    );
  });

  const balances = (): Promise<Record<string, number>> =>
    c.value(
      `const { data } = await db.collection('${name}').get(); return Object.fromEntries(data.map((d) => [d._id, d.v]))`,
    );

  test('runTransaction commits every write and returns the callback value', async () => {
    const out = await c.value(`return await db.runTransaction(async (t) => {
      const a = (await t.collection('${name}').doc('a').get()).data;
      await t.collection('${name}').doc('a').update({ data: { v: _.inc(-4) } });
      await t.collection('${name}').doc('b').update({ data: { v: _.inc(4) } });
      await t.collection('${name}').add({ data: { _id: 'log1', moved: 4 } });
      const inside = (await t.collection('${name}').where({ v: _.gt(0) }).get()).data.map((d) => d._id);
      return { before: a.v, inside };
    })`);
    expect(out).toEqual({ before: 10, inside: ['a', 'b'] });
    expect(await balances()).toEqual({ a: 6, b: 4 });
    expect(await c.value(`return (await db.collection('${name}').doc('log1').get()).data`)).toEqual(
      {
        _id: 'log1',
        moved: 4,
      },
    );
  });

  test('rollback discards the writes and runTransaction rejects with the reason', async () => {
    const err = await c.failure(`return await db.runTransaction(async (t) => {
      await t.collection('${name}').doc('a').update({ data: { v: 0 } });
      await t.rollback('insufficient funds');
    })`);
    expect(err.errMsg).toContain('insufficient funds');
    expect(await balances()).toEqual({ a: 10, b: 0 });
  });

  test('uncommitted writes are invisible outside the transaction until commit', async () => {
    const out = await c.value(`
      const t = await db.startTransaction();
      await t.collection('${name}').doc('a').update({ data: { v: 1 } });
      const outside = (await db.collection('${name}').doc('a').get()).data.v;
      const inside = (await t.collection('${name}').doc('a').get()).data.v;
      await t.commit();
      const afterCommit = (await db.collection('${name}').doc('a').get()).data.v;
      return { outside, inside, afterCommit }`);
    expect(out).toEqual({ outside: 10, inside: 1, afterCommit: 1 });
  });

  test('a conflicting transaction fails with TransactionConflict; the first one commits', async () => {
    const out = await c.value<Record<string, unknown>>(`
      const t1 = await db.startTransaction();
      const t2 = await db.startTransaction();
      await t1.collection('${name}').doc('a').update({ data: { v: 1 } });
      let conflict;
      try { await t2.collection('${name}').doc('a').update({ data: { v: 2 } }); } catch (e) { conflict = e.errMsg || e.message; }
      try { await t2.rollback(); } catch (e) { /* already aborted by the conflict */ }
      await t1.commit();
      return { conflict, v: (await db.collection('${name}').doc('a').get()).data.v }`);
    expect(out.conflict).toContain('[ResourceUnavailable.TransactionConflict]');
    expect(out.v).toBe(1);
  });

  test('a transaction left open past the timeout is aborted; committing it fails', async () => {
    const out = await c.value<Record<string, unknown>>(`
      const t = await db.startTransaction();
      let failure;
      // On a loaded machine the timeout may already end the transaction at its write: either way
      // the transaction must fail and write nothing (no outcome depends on how busy we are).
      try {
        await t.collection('${name}').doc('a').update({ data: { v: 3 } });
        await new Promise((r) => setTimeout(r, 900));
        await t.commit();
      } catch (e) { failure = JSON.stringify(e.errMsg || e.message || e); }
      return { failure, v: (await db.collection('${name}').doc('a').get()).data.v }`);
    expect(out.failure).toContain('[ResourceUnavailable.TransactionFail]');
    expect(out.v).toBe(10);
  });
});
