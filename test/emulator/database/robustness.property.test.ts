import fc from 'fast-check';
import { DB_ERROR_CODES } from '../../../emulator/src/database';
import { ejson, testDatabase } from './helpers';

/**
 * Whatever arrives, handle() answers with a success body or a protocol error with a known code,
 * and never SYS_ERR for bad input (SYS_ERR means a fault of the emulator itself).
 */
const ACTIONS = [
  'insertDocument',
  'getDocument',
  'calculateDocument',
  'modifyDocument',
  'removeDocument',
  'aggregateDocuments',
  'addCollection',
  'startTransaction',
  'commitTransaction',
  'abortTransaction',
].map((a) => `database.${a}`);

const OPERATORS = [
  '$eq',
  '$ne',
  '$gt',
  '$in',
  '$nin',
  '$all',
  '$size',
  '$mod',
  '$elemMatch',
  '$exists',
  '$regex',
  '$not',
  '$and',
  '$or',
  '$nor',
  '$expr',
  '$nearSphere',
  '$geoWithin',
  '$geoIntersects',
  '$type',
];
const UPDATES = [
  '$set',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$unset',
  '$push',
  '$pop',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$bit',
];
const operatorExpr = fc
  .tuple(fc.constantFrom(...OPERATORS), fc.jsonValue({ maxDepth: 2 }), fc.boolean())
  .map(([op, v, topLevel]) => ejson(topLevel ? { [op]: v } : { a: { [op]: v } }));
const updateExpr = fc
  .tuple(
    fc.constantFrom(...UPDATES),
    fc.constantFrom('a', 'n', 'a.0', 'z'),
    fc.jsonValue({ maxDepth: 2 }),
  )
  .map(([op, field, v]) => ejson({ [op]: { [field]: v } }));

const junk = fc.oneof(
  operatorExpr,
  updateExpr,
  fc.jsonValue({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => ejson(v)),
  fc.constantFrom(
    '{"a":{"$regex":"["}}',
    '{"$where":1}',
    '{"a":{"$in":5}}',
    '{"a":{"$size":"x"}}',
    '{"$and":3}',
    '{"a":{"$elemMatch":2}}',
    '{"$inc":{"a":"x"}}',
    '{"$push":{"a":{"$each":3}}}',
    '{"$set":{"":1}}',
    '{"a":{"$nearSphere":1}}',
    '{"_id":{"$oid":"zz"}}',
    '{"a":{"$regularExpression":{"pattern":"(","options":""}}}',
  ),
);

const body = fc.record(
  {
    action: fc.oneof(
      { arbitrary: fc.constantFrom(...ACTIONS), weight: 9 },
      { arbitrary: fc.string(), weight: 1 },
    ),
    collectionName: fc.oneof(
      { arbitrary: fc.constant('fuzz'), weight: 9 },
      { arbitrary: fc.oneof(fc.string(), fc.integer()), weight: 1 },
    ),
    queryType: fc.constantFrom('DOC', 'WHERE', 'X', undefined),
    query: junk,
    data: fc.oneof(junk, fc.array(junk, { maxLength: 3 })),
    order: junk,
    projection: junk,
    limit: fc.oneof(fc.integer({ min: -5, max: 2000 }), junk),
    offset: fc.oneof(fc.nat(5), junk),
    multi: fc.oneof(fc.boolean(), junk),
    merge: fc.boolean(),
    upsert: fc.boolean(),
    stages: fc.oneof(
      junk,
      fc.array(
        fc.record({
          stageKey: fc.constantFrom('$match', '$group', '$sort', '$project', '$lookup', '$x'),
          stageValue: fc.oneof(
            junk,
            fc.jsonValue({ maxDepth: 2 }).map((v) => ejson(v)),
          ),
        }),
        { maxLength: 3 },
      ),
    ),
    transactionId: fc.oneof(fc.string(), junk),
  },
  { requiredKeys: ['action'] },
);

describe('database robustness', () => {
  const t = testDatabase({ inMemory: true });
  afterAll(() => t.db.close());

  test('random requests get a success body or a known, non-SYS_ERR error code', async () => {
    await t.call('addCollection', { collectionName: 'fuzz' });
    await t.insert('fuzz', [
      { _id: 'a', a: [1, 2], n: 1 },
      { _id: 'b', a: 'x' },
    ]);
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const reply = await t.db.handle(b);
        if ('code' in reply) {
          expect(DB_ERROR_CODES).toContain(reply.code);
          expect([reply.code, reply.message]).not.toEqual(['SYS_ERR', expect.anything()]);
        } else {
          expect(reply.data ?? reply.transactionId).toBeDefined();
        }
      }),
      { numRuns: 1500 },
    );
  });
});
