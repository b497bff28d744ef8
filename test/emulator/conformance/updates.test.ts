import { useConformance } from './support';

/** Each update operator of the SDK, applied by the emulator, read back through the SDK. */
describe('conformance: update operators', () => {
  const c = useConformance();
  let name = '';
  let seq = 0;

  beforeAll(async () => {
    name = await c.collection();
  });

  /** Creates a document, applies doc().update({ data }) and returns the stored document. */
  const after = async (initial: string, data: string): Promise<Record<string, unknown>> => {
    seq += 1;
    const id = `u${seq}`;
    return c.value(
      `await db.collection('${name}').add({ data: Object.assign({ _id: '${id}' }, ${initial}) })`,
      `const res = await db.collection('${name}').doc('${id}').update({ data: ${data} });
       if (res.stats.updated !== 1) throw new Error('updated ' + res.stats.updated);`,
      `const { _id, ...rest } = (await db.collection('${name}').doc('${id}').get()).data; return rest`,
    );
  };

  test.each([
    [
      'plain value → $set with dot paths',
      `{ a: { b: 1 } }`,
      `{ a: { c: 2 } }`,
      { a: { b: 1, c: 2 } },
    ],
    [
      '_.set replaces the whole object',
      `{ a: { b: 1 } }`,
      `{ a: _.set({ c: 2 }) }`,
      { a: { c: 2 } },
    ],
    ['inc', `{ n: 1 }`, `{ n: _.inc(2) }`, { n: 3 }],
    ['mul', `{ n: 3 }`, `{ n: _.mul(4) }`, { n: 12 }],
    ['max', `{ n: 3 }`, `{ n: _.max(7) }`, { n: 7 }],
    ['min', `{ n: 3 }`, `{ n: _.min(1) }`, { n: 1 }],
    ['rename', `{ n: 3 }`, `{ n: _.rename('m') }`, { m: 3 }],
    ['remove', `{ n: 3, k: 1 }`, `{ n: _.remove() }`, { k: 1 }],
    ['push', `{ l: [1] }`, `{ l: _.push([2, 3]) }`, { l: [1, 2, 3] }],
    [
      'push with position, sort and slice',
      `{ l: [5, 1] }`,
      `{ l: _.push({ each: [3, 9], sort: 1, slice: 3 }) }`,
      { l: [1, 3, 5] },
    ],
    [
      'push at a position',
      `{ l: [1, 4] }`,
      `{ l: _.push({ each: [2, 3], position: 1 }) }`,
      { l: [1, 2, 3, 4] },
    ],
    ['unshift', `{ l: [3] }`, `{ l: _.unshift([1, 2]) }`, { l: [1, 2, 3] }],
    ['pop', `{ l: [1, 2, 3] }`, `{ l: _.pop() }`, { l: [1, 2] }],
    ['shift', `{ l: [1, 2, 3] }`, `{ l: _.shift() }`, { l: [2, 3] }],
    ['addToSet', `{ l: [1, 2] }`, `{ l: _.addToSet(2), m: _.addToSet(3) }`, { l: [1, 2], m: [3] }],
    ['pull with a condition', `{ l: [1, 5, 9] }`, `{ l: _.pull(_.gt(4)) }`, { l: [1] }],
    ['pullAll', `{ l: [1, 2, 1, 3] }`, `{ l: _.pullAll([1, 3]) }`, { l: [2] }],
    ['bit', `{ n: 13 }`, `{ n: _.bit({ and: 10 }) }`, { n: 8 }],
    [
      'array element by index',
      `{ l: [{ q: 1 }, { q: 2 }] }`,
      `{ 'l.1.q': 7 }`,
      { l: [{ q: 1 }, { q: 7 }] },
    ],
  ])('%s', async (_label, initial, data, expected) => {
    expect(await after(initial, data)).toEqual(expected);
  });

  test('serverDate in update and set', async () => {
    const out = await c.value<Record<string, unknown>>(
      `await db.collection('${name}').add({ data: { _id: 'sd' } })`,
      `await db.collection('${name}').doc('sd').update({ data: { at: db.serverDate({ offset: -60000 }) } })`,
      `await db.collection('${name}').doc('sd2').set({ data: { at: db.serverDate() } })`,
      `const a = (await db.collection('${name}').doc('sd').get()).data.at;
       const b = (await db.collection('${name}').doc('sd2').get()).data.at;
       return { a: Date.now() - a.getTime(), b: Date.now() - b.getTime(), dates: a instanceof Date && b instanceof Date }`,
    );
    expect(out.dates).toBe(true);
    expect(out.a).toBeGreaterThanOrEqual(59000);
    expect(out.a).toBeLessThan(70000);
    expect(out.b).toBeGreaterThanOrEqual(-1000);
    expect(out.b).toBeLessThan(10000);
  });
});
