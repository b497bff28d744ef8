import fc from 'fast-check';
import { Query } from 'mingo';
import { matcher } from '../../../emulator/src/database/find';

/**
 * `matcher` compares plain `{ field: scalar }` and `{ field: { $in: [scalars] } }` filters directly
 * instead of through mingo (the common `_id` / `_openid` lookups). Whatever the stored values, its verdict must be mingo's.
 */
const scalar = fc.oneof(
  fc.constantFrom('a', 'b', '1', ''),
  fc.constantFrom(0, -0, 1, 1.5, -2),
  fc.boolean(),
);
const stored = fc.oneof(
  scalar,
  fc.constant(null),
  fc.array(scalar, { maxLength: 3 }),
  // Stored documents come from EJSON.parse: never null-prototype objects.
  fc.record({ a: scalar }, { noNullPrototype: true }),
  fc.constant(new Date(0)),
);
const fields = fc.constantFrom('a', 'b', '_id');

test('scalar equality filters agree with mingo on any stored value', () => {
  fc.assert(
    fc.property(
      fc.dictionary(fields, fc.option(stored, { nil: undefined }), { noNullPrototype: true }),
      fc.dictionary(
        fields,
        fc.oneof(
          scalar,
          fc.record({ $in: fc.array(scalar, { maxLength: 3 }) }, { noNullPrototype: true }),
        ),
        { minKeys: 1, noNullPrototype: true },
      ),
      (doc, filter) => {
        const plain = Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined));
        expect(matcher(filter)(plain)).toBe(new Query(filter).test(plain));
      },
    ),
    { numRuns: 2000 },
  );
});

test('a filter with an unknown operator fails when built, before any document is read', () => {
  expect(() => matcher({ a: { $frobnicate: 1 } })).toThrow();
});
