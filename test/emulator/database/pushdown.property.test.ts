import fc from 'fast-check';
import { Query } from 'mingo';
import { testDatabase } from './helpers';

/**
 * Equality queries on top-level fields are narrowed by SQLite expression indexes before mingo
 * filters. Whatever the stored values (scalars, arrays, objects, missing), the answer must be
 * exactly mingo's answer over the same documents.
 */
const scalar = fc.oneof(
  fc.constantFrom('a', 'b', '1', ''),
  fc.integer({ min: -2, max: 2 }),
  fc.boolean(),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.constant(null),
  fc.record({ a: scalar }),
);

describe('query pushdown', () => {
  const t = testDatabase({ inMemory: true });
  afterAll(() => t.db.close());

  test('indexed equality gives the same documents as mingo alone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(value, { nil: undefined }), { minLength: 1, maxLength: 12 }),
        scalar,
        fc.boolean(),
        async (values, wanted, useEq) => {
          t.db.reset();
          await t.call('addCollection', { collectionName: 'p' });
          const docs = values.map((k, i) =>
            k === undefined ? { _id: `d${i}` } : { _id: `d${i}`, k },
          );
          await t.insert('p', docs);
          const query = useEq ? { k: { $eq: wanted } } : { k: wanted };
          const expected = docs.filter((d) => new Query(query).test(d)).map((d) => d._id);
          const actual = t.list(await t.where('p', query, { limit: 1000 })).map((d) => d._id);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('_id in a list gives the same documents, in the same order, as mingo alone', async () => {
    const id = fc.oneof(fc.constantFrom('a', 'b', 'c', '1'), fc.integer({ min: 0, max: 2 }));
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(id, { minLength: 1, maxLength: 6 }),
        fc.array(id, { minLength: 1, maxLength: 4 }),
        async (ids, wanted) => {
          t.db.reset();
          await t.call('addCollection', { collectionName: 'p' });
          const docs = ids.map((_id, i) => ({ _id, i }));
          await t.insert('p', docs);
          const query = { _id: { $in: wanted } };
          const expected = docs.filter((d) => new Query(query).test(d)).map((d) => d.i);
          const actual = t.list(await t.where('p', query, { limit: 1000 })).map((d) => d.i);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });
});
