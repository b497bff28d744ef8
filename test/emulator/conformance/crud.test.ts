import { useConformance } from './support';

// CRUD as an application sees it through the real wx-server-sdk inside a function.
describe('conformance: add, get, update, set, remove, count', () => {
  const c = useConformance();

  test('add returns the new _id; doc().get() returns the document with its types', async () => {
    const name = await c.collection();
    const out = await c.value<Record<string, unknown>>(
      `ctx.added = await db.collection('${name}').add({ data: { n: 1, f: 1.5, s: 'x', when: new Date(1000), at: db.serverDate({ offset: 60000 }), nested: { a: [1, 2] } } })`,
      `ctx.mine = await db.collection('${name}').add({ data: { _id: 'given', n: 2 } })`,
      `ctx.many = await db.collection('${name}').add({ data: [{ n: 3 }, { n: 4 }] })`,
      `const got = await db.collection('${name}').doc(ctx.added._id).get();
       return { added: ctx.added, mine: ctx.mine, many: ctx.many, data: got.data, errMsg: got.errMsg,
                whenIsDate: got.data.when instanceof Date, atMs: got.data.at.getTime(), now: Date.now() }`,
    );
    expect(out.added).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{32}$/),
      errMsg: 'collection.add:ok',
    });
    expect(out.mine).toEqual({ _id: 'given', errMsg: 'collection.add:ok' });
    expect((out.many as { _ids: string[] })._ids).toHaveLength(2);
    expect(out.errMsg).toBe('document.get:ok');
    expect(out.whenIsDate).toBe(true);
    const data = out.data as Record<string, unknown>;
    expect(data).toMatchObject({
      n: 1,
      f: 1.5,
      s: 'x',
      when: new Date(1000).toISOString(),
      nested: { a: [1, 2] },
    });
    // serverDate({offset: 60s}) was stamped by the server within the call.
    expect(Math.abs((out.atMs as number) - 60000 - (out.now as number))).toBeLessThan(10000);
  });

  test('doc().get() of a missing document throws "does not exist"', async () => {
    const name = await c.collection();
    const err = await c.failure(`return await db.collection('${name}').doc('nope').get()`);
    expect(err.errMsg).toContain('document with _id nope does not exist');
  });

  test('where().get() pages 100 by default, up to 1000, with orderBy, skip and field', async () => {
    const name = await c.collection();
    const out = await c.value<Record<string, unknown>>(
      `for (let i = 0; i < 1100; i += 100) {
         await db.collection('${name}').add({ data: Array.from({ length: 100 }, (_x, j) => ({ _id: 'd' + (i + j), n: i + j, odd: (i + j) % 2 === 1 })) });
       }`,
      `const col = db.collection('${name}');
       const def = await col.get();
       const max = await col.limit(1000).get();
       const page = await col.where({ odd: true }).orderBy('n', 'desc').skip(1).limit(2).field({ n: true }).get();
       const count = await col.where({ n: _.lt(10) }).count();
       return { def: def.data.length, max: max.data.length, page: page.data, count: count.total, first: def.data[0]._id }`,
    );
    expect(out).toEqual({
      def: 100,
      max: 1000,
      page: [
        { _id: 'd1097', n: 1097 },
        { _id: 'd1095', n: 1095 },
      ],
      count: 10,
      first: 'd0',
    });
  });

  test('update, set and where().update() report stats as production does', async () => {
    const name = await c.collection();
    const out = await c.value<Record<string, unknown>>(
      `await db.collection('${name}').add({ data: [{ _id: 'a', n: 1, g: 'x' }, { _id: 'b', n: 2, g: 'x' }, { _id: 'c', n: 3, g: 'y' }] })`,
      `const col = db.collection('${name}');
       const upd = await col.doc('a').update({ data: { n: _.inc(10), extra: { deep: true } } });
       const same = await col.doc('a').update({ data: { n: 11 } });
       const missing = await col.doc('zz').update({ data: { n: 1 } });
       const replaced = await col.doc('b').set({ data: { only: 1 } });
       const created = await col.doc('new').set({ data: { fresh: true } });
       const many = await col.where({ g: 'x' }).update({ data: { tagged: true } });
       const a = (await col.doc('a').get()).data;
       const b = (await col.doc('b').get()).data;
       return { upd, same, missing, replaced, created, many, a, b }`,
    );
    expect(out.upd).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' });
    expect(out.same).toEqual({ stats: { updated: 0 }, errMsg: 'document.update:ok' });
    expect(out.missing).toEqual({ stats: { updated: 0 }, errMsg: 'document.update:ok' });
    expect(out.replaced).toEqual({
      _id: 'b',
      stats: { updated: 1, created: 0 },
      errMsg: 'document.set:ok',
    });
    expect(out.created).toEqual({
      _id: 'new',
      stats: { updated: 0, created: 1 },
      errMsg: 'document.set:ok',
    });
    expect(out.many).toEqual({ stats: { updated: 1 }, errMsg: 'collection.update:ok' }); // b lost g when set() replaced it
    expect(out.a).toEqual({ _id: 'a', n: 11, g: 'x', extra: { deep: true }, tagged: true });
    expect(out.b).toEqual({ _id: 'b', only: 1 });
  });

  test('doc().remove() and where().remove() report removed counts', async () => {
    const name = await c.collection();
    const out = await c.value<Record<string, unknown>>(
      `await db.collection('${name}').add({ data: [{ _id: 'a', k: 1 }, { _id: 'b', k: 1 }, { _id: 'c', k: 2 }] })`,
      `const col = db.collection('${name}');
       const one = await col.doc('a').remove();
       const again = await col.doc('a').remove();
       const many = await col.where({ k: _.gte(1) }).remove();
       const left = await col.count();
       return { one, again, many, left: left.total }`,
    );
    expect(out).toEqual({
      one: { stats: { removed: 1 }, errMsg: 'document.remove:ok' },
      again: { stats: { removed: 0 }, errMsg: 'document.remove:ok' },
      many: { stats: { removed: 2 }, errMsg: 'collection.remove:ok' },
      left: 0,
    });
  });
});
