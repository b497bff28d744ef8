import { useConformance } from './support';

/** The failures production shows, and what application code can detect them by. */
describe('conformance: failures', () => {
  const c = useConformance();

  test.each([
    ['add', `db.collection('ghost').add({ data: { a: 1 } })`],
    ['doc().get()', `db.collection('ghost').doc('x').get()`],
    ['where().get()', `db.collection('ghost').where({ a: 1 }).get()`],
    ['count()', `db.collection('ghost').count()`],
    ['doc().update()', `db.collection('ghost').doc('x').update({ data: { a: 1 } })`],
    ['doc().set()', `db.collection('ghost').doc('x').set({ data: { a: 1 } })`],
    ['where().update()', `db.collection('ghost').where({ a: 1 }).update({ data: { a: 2 } })`],
    ['doc().remove()', `db.collection('ghost').doc('x').remove()`],
    ['where().remove()', `db.collection('ghost').where({ a: 1 }).remove()`],
  ])('%s on a missing collection fails with -502005', async (_label, call) => {
    const err = await c.failure(`return await ${call}`);
    expect(err.errCode).toBe(-502005);
    expect(err.errMsg).toContain('collection not exists');
  });

  test('aggregate() on a missing collection fails too (wx-server-sdk reports it as errCode -1)', async () => {
    const err = await c.failure(
      `return await db.collection('ghost').aggregate().match({ a: 1 }).end()`,
    );
    expect(err.errMsg).toContain('Db or Table not exist');
  });

  test('the collection works once created; creating it twice fails', async () => {
    const out = await c.run(
      `return await db.createCollection('later')`,
      `return (await db.collection('later').add({ data: { _id: 'x' } }))._id`,
      `return await db.createCollection('later')`,
    );
    expect(out[0]).toMatchObject({ ok: true, value: { errMsg: 'createCollection:ok' } });
    expect(out[1]).toEqual({ ok: true, value: 'x' });
    expect(out[2]).toMatchObject({ ok: false, errMsg: expect.stringContaining('Table exist') });
  });

  test('a duplicate _id fails with E11000 and leaves the stored document as it was', async () => {
    const name = await c.collection();
    const err = await c.failure(
      `await db.collection('${name}').add({ data: { _id: 'dup', v: 1 } })`,
      `await db.collection('${name}').add({ data: { _id: 'dup', v: 2 } })`,
    );
    expect(err.errMsg).toContain('E11000 duplicate key error');
    expect(await c.value(`return (await db.collection('${name}').doc('dup').get()).data`)).toEqual({
      _id: 'dup',
      v: 1,
    });
  });

  test('injected faults reach the application as SYS_ERR (-501001), and clear again', async () => {
    const name = await c.collection();
    c.emulator().database.setFaults({ faultRate: 1, latencyMs: 0 });
    try {
      const err = await c.failure(`return await db.collection('${name}').count()`);
      expect(err.errCode).toBe(-501001);
    } finally {
      c.emulator().database.setFaults({ faultRate: 0, latencyMs: 0 });
    }
    expect(await c.value(`return (await db.collection('${name}').count()).total`)).toBe(0);
  });
});
