import fc from 'fast-check';
// The SDK's own where() encoder: the console's filter must encode exactly as it does.
import { QuerySerializer } from '@cloudbase/database/dist/commonjs/serializer/query';
import { encodeWhere } from '../../../emulator/src/console-api/document-codec';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(1.5, -0.25, 1e10 + 0.5),
  fc.string({ maxLength: 4 }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.constantFrom('a', 'b', 'nickName', 'profile', 'x_1');
const operator = fc
  .record({ $gt: scalar }, { requiredKeys: [] })
  .chain((o) =>
    fc.record({ $in: fc.array(scalar, { maxLength: 3 }) }).map((p) => ({ ...o, ...p }) as Json),
  );
const { value } = fc.letrec<{ value: Json; object: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    operator,
    tie('object'),
  ),
  object: fc.dictionary(key, tie('value'), { maxKeys: 3 }),
}));
const filter = fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 });

function sdkEncode(query: Record<string, Json>): unknown {
  const text = QuerySerializer.encodeEJSON(query, false);
  const parsed = JSON.parse(text) as Record<string, unknown>;
  return Object.keys(parsed).length === 0 ? undefined : parsed;
}

describe('console filter encoding', () => {
  test('matches wx-server-sdk where() for any plain JSON filter (key order aside)', () => {
    fc.assert(
      fc.property(filter, (query) => {
        const ours = encodeWhere(JSON.stringify(query));
        expect(ours === undefined ? undefined : (JSON.parse(ours) as unknown)).toEqual(
          sdkEncode(query),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('examples: nested objects flatten, operators and arrays stay', () => {
    expect(JSON.parse(encodeWhere('{"a":{"b":{"c":1}},"d":{"$gt":2},"e":[1]}') ?? '')).toEqual({
      'a.b.c': { $numberInt: '1' },
      d: { $gt: { $numberInt: '2' } },
      e: [{ $numberInt: '1' }],
    });
    expect(encodeWhere('  ')).toBeUndefined();
    expect(encodeWhere('{"a":{}}')).toBeUndefined();
  });
});
