import { useConformance } from './support';

/** Each query operator of the SDK, built by the SDK, answered by the emulator. */
describe('conformance: query operators', () => {
  const c = useConformance();
  let name = '';

  beforeAll(async () => {
    name = await c.collection();
    await c.value(`await db.collection('${name}').add({ data: [
      { _id: 'a', n: 1, s: 'apple', tags: ['red', 'sweet'], nested: { c: 2 }, items: [{ q: 1 }, { q: 5 }], loc: db.Geo.Point(113.30, 23.10) },
      { _id: 'b', n: 5, s: 'Banana', tags: ['yellow'], nested: { c: 3 }, items: [{ q: 2 }], loc: db.Geo.Point(113.32, 23.10) },
      { _id: 'c', n: 10, s: 'cherry', tags: ['red'], nested: { c: 2 }, items: [], loc: db.Geo.Point(116.40, 39.90) },
      { _id: 'd', s: 'date', tags: [], flag: null }
    ] })`);
  });

  /** The ids where(<expr>) returns, in natural order. */
  const ids = async (where: string): Promise<string[]> =>
    c.value<string[]>(
      `return (await db.collection('${name}').where(${where}).get()).data.map((d) => d._id)`,
    );

  test.each([
    ['plain equality', `{ n: 5 }`, ['b']],
    ['eq', `{ n: _.eq(10) }`, ['c']],
    ['neq', `{ n: _.neq(5) }`, ['a', 'c', 'd']],
    ['gt / gte', `{ n: _.gt(1).and(_.gte(5)) }`, ['b', 'c']],
    ['lt / lte', `{ n: _.lt(10).and(_.lte(5)) }`, ['a', 'b']],
    ['in', `{ s: _.in(['apple', 'date']) }`, ['a', 'd']],
    ['nin', `{ s: _.nin(['apple', 'date']) }`, ['b', 'c']],
    ['field-level or', `{ n: _.or(_.lt(2), _.gt(8)) }`, ['a', 'c']],
    ['top-level or', `_.or([{ n: 1 }, { s: 'date' }])`, ['a', 'd']],
    ['top-level and', `_.and([{ n: _.gte(1) }, { 'nested.c': 2 }])`, ['a', 'c']],
    ['nor', `_.nor([{ n: 1 }, { n: 5 }])`, ['c', 'd']],
    ['not', `{ n: _.not(_.eq(5)) }`, ['a', 'c', 'd']],
    ['exists', `{ n: _.exists(false) }`, ['d']],
    ['size', `{ tags: _.size(2) }`, ['a']],
    ['mod', `{ n: _.mod(5, 0) }`, ['b', 'c']],
    ['all', `{ tags: _.all(['red', 'sweet']) }`, ['a']],
    ['elemMatch', `{ items: _.elemMatch({ q: _.gt(4) }) }`, ['a']],
    ['array contains', `{ tags: 'red' }`, ['a', 'c']],
    ['nested object (flattened to a dot path)', `{ nested: { c: 3 } }`, ['b']],
    ['dot path', `{ 'nested.c': 2 }`, ['a', 'c']],
    ['db.RegExp', `{ s: db.RegExp({ regexp: '^b', options: 'i' }) }`, ['b']],
    ['JS RegExp', `{ s: /rr/ }`, ['c']],
    ['null matches missing and null', `{ flag: null }`, ['a', 'b', 'c', 'd']],
    ['expr', `_.expr($.gt(['$n', 4]))`, ['b', 'c']],
    [
      'geoNear (nearest first)',
      `{ loc: _.geoNear({ geometry: db.Geo.Point(113.33, 23.10), maxDistance: 10000 }) }`,
      ['b', 'a'],
    ],
    [
      'geoWithin polygon',
      `{ loc: _.geoWithin({ geometry: db.Geo.Polygon([db.Geo.LineString([db.Geo.Point(113, 23), db.Geo.Point(114, 23), db.Geo.Point(114, 24), db.Geo.Point(113, 24), db.Geo.Point(113, 23)])]) }) }`,
      ['a', 'b'],
    ],
    [
      'geoWithin centerSphere',
      `{ loc: _.geoWithin({ centerSphere: [[116.4, 39.9], 0.001] }) }`,
      ['c'],
    ],
    [
      'geoIntersects',
      `{ loc: _.geoIntersects({ geometry: db.Geo.Polygon([db.Geo.LineString([db.Geo.Point(116, 39), db.Geo.Point(117, 39), db.Geo.Point(117, 40), db.Geo.Point(116, 40), db.Geo.Point(116, 39)])]) }) }`,
      ['c'],
    ],
    [
      'serverDate in a query',
      `{ n: _.exists(true), _id: _.neq(db.serverDate()) }`,
      ['a', 'b', 'c'],
    ],
  ])('%s', async (_label, where, expected) => {
    expect(await ids(where)).toEqual(expected);
  });
});
