import fc from 'fast-check';
import {
  Binary,
  BSONRegExp,
  BSONSymbol,
  Code,
  DBRef,
  Decimal128,
  Double,
  EJSON,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
} from 'bson';
import { parseRelaxedEjson } from '../../../emulator/src/database/ejson-parse';

/**
 * parseRelaxedEjson must give exactly what `EJSON.parse(text, { relaxed: true })` gives, for any
 * text: the same values of the same types (Date vs number vs Long, -0, Invalid Date, own
 * `__proto__` keys), and throw whenever bson throws.
 */
type Outcome = { ok: true; value: unknown } | { ok: false };

function outcome(parse: () => unknown): Outcome {
  try {
    return { ok: true, value: parse() };
  } catch {
    return { ok: false };
  }
}

/** Type and value of every node; what canonical EJSON alone would not tell apart (Long vs number). */
function skeleton(value: unknown): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? 'number:-0' : `number:${value}`;
  if (value === null || typeof value !== 'object') return `${typeof value}:${String(value)}`;
  if (value instanceof Date) return `Date:${value.getTime()}`;
  if (value instanceof ObjectId) return 'ObjectId'; // its value is in canonical()
  if (Array.isArray(value)) return value.map(skeleton);
  const proto: unknown = Object.getPrototypeOf(value);
  const kind =
    proto === Object.prototype
      ? 'Object'
      : ((proto as { constructor?: { name?: string } })?.constructor?.name ?? 'null');
  const fields = Object.keys(value).map((k) => [
    k,
    skeleton((value as Record<string, unknown>)[k]),
  ]);
  return { kind, fields };
}

/**
 * bson turns `{"$oid": <number>}` into a fresh ObjectId (time + process bytes + counter), so two
 * parses differ in the counter; such ids (also inside e.g. a `$code` string) compare by their time only. Real ids in the tests are
 * random and do not carry this process's 5 bytes.
 */
const processBytes = new ObjectId().toHexString().slice(8, 18);
const generatedId = new RegExp(`([0-9a-f]{8})${processBytes}[0-9a-f]{6}`, 'g');

const normalizeIds = (text: string): string => text.replace(generatedId, '$1 generated');

function canonical(value: unknown): string {
  try {
    return normalizeIds(EJSON.stringify(value, { relaxed: false }));
  } catch (error) {
    return `stringify threw: ${(error as Error).message}`;
  }
}

function expectSameAsBson(text: string): void {
  const expected = outcome(() => EJSON.parse(text, { relaxed: true }));
  const actual = outcome(() => parseRelaxedEjson(text));
  expect({ text, ok: actual.ok }).toEqual({ text, ok: expected.ok });
  if (!actual.ok || !expected.ok) return;
  expect(canonical(actual.value)).toBe(canonical(expected.value));
  const shape = (value: unknown) => normalizeIds(JSON.stringify(skeleton(value)));
  expect(shape(actual.value)).toBe(shape(expected.value));
}

// Documents built from bson types, written out as canonical and as relaxed EJSON.
const bsonValue = fc.oneof(
  fc.uint8Array({ minLength: 12, maxLength: 12 }).map((b) => new ObjectId(Buffer.from(b))),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((t) => new Date(t)),
  fc.constant(new Date(Number.NaN)),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((n) => Long.fromBigInt(n)),
  fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }).map((n) => Long.fromBigInt(n)),
  fc
    .constantFrom('0', '-0', '1.5E+3', 'NaN', '-Infinity', '123456789012345678901234567890123')
    .map((s) => Decimal128.fromString(s)),
  fc.double().map((d) => new Double(d)),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((n) => new Int32(n)),
  fc
    .tuple(fc.uint8Array({ maxLength: 20 }), fc.constantFrom(0, 4, 5, 128))
    .map(([b, t]) => new Binary(Buffer.from(b), t)),
  fc
    .tuple(fc.string({ maxLength: 6 }), fc.subarray(['i', 'm', 's', 'u', 'x']))
    .map(([p, o]) => new BSONRegExp(p, o.join(''))),
  fc
    .tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }))
    .map(([t, i]) => new Timestamp({ t, i })),
  fc.constant(new MinKey()),
  fc.constant(new MaxKey()),
  fc.string({ maxLength: 4 }).map((s) => new BSONSymbol(s)),
  fc.string({ maxLength: 6 }).map((s) => new Code(s)),
  fc.double(),
  fc.integer(),
  fc.constantFrom(-0, 2 ** 53 + 2, 1e21, 5e-324),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  fc.constantFrom(
    '$foo',
    '$date',
    '$oid',
    '$numberLong',
    '$ref',
    '$id',
    '$db',
    '$undefined',
    '$code',
    '$scope',
  ),
  fc.constantFrom(
    '$set',
    '$inc',
    '$in',
    '$gt',
    '$regex',
    '$options',
    '$dbPointer',
    '$timestamp',
    '$binary',
  ),
  fc.constantFrom('__proto__', 'a$', '$', '0', '12', 'a\u0000b', 'constructor'),
);
const { doc } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, bsonValue, tie('doc'), tie('array'), tie('dbref')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  doc: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  dbref: fc
    .tuple(
      fc.string({ maxLength: 4 }),
      tie('value'),
      fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
    )
    .map(([collection, oid, db]) => new DBRef(collection, oid as ObjectId, db)),
}));
const ejsonText = fc.tuple(doc, fc.boolean()).chain(([d, relaxed]) => {
  try {
    return fc.constant(EJSON.stringify(d, { relaxed }));
  } catch {
    return fc.constant('{}');
  }
});

test('bson documents as canonical and relaxed EJSON parse exactly as bson parses them', () => {
  fc.assert(fc.property(ejsonText, expectSameAsBson), { numRuns: 2000 });
});

// Hand-rolled JSON texts: wrappers with wrong, missing, extra or null parts, numbers that do not
// survive JSON.stringify, duplicate keys, nesting wrappers in wrappers.
const scalarText = fc.oneof(
  fc.constantFrom(
    '-0',
    '-0.0',
    '0',
    '1e400',
    '-1e400',
    '-1e-400',
    '1.5',
    '2147483648',
    '9007199254740993',
    'true',
    'null',
  ),
  fc.constantFrom(
    '"2020-01-01T00:00:00Z"',
    '"not a date"',
    '"0123456789abcdef01234567"',
    '"x"',
    '"12"',
    '"-5"',
    '"1.5"',
  ),
  fc.constantFrom(
    '"+5"',
    '"-0"',
    '"007"',
    '"999999999999999"',
    '"-1000000000000000"',
    '" 1"',
    '"1e3"',
    '"0x1A"',
    '"12abc"',
    '"Infinity"',
    '"-Infinity"',
    '"1_000"',
  ),
  fc.constantFrom('"AAEC"', '"00"', '"i"', '"NaN"', '"\\u00e9\\ud83d\\ude00"', '"\\u0000"'),
  fc.string({ maxLength: 4 }).map((s) => JSON.stringify(s)),
);
const textKeys = `$date $oid $numberLong $numberInt $numberDouble $numberDecimal $binary $uuid
  $regularExpression $regex $options $timestamp $minKey $maxKey $symbol $code $scope $undefined
  $ref $id $db $dbPointer $type $foo base64 subType pattern options $set $inc $in $gt $and t i a`;
const wrapperKey = fc.constantFrom(...textKeys.split(/\s+/), '__proto__', '0', 'a\\u0000');
type Texts = { textValue: string; textArray: string; textObject: string; oneKey: string };
const { textValue } = fc.letrec<Texts>((tie) => ({
  textValue: fc.oneof(
    { depthSize: 'small' },
    scalarText,
    tie('oneKey'),
    tie('textObject'),
    tie('textArray'),
  ),
  textArray: fc.array(tie('textValue'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
  textObject: fc
    .array(fc.tuple(wrapperKey, tie('textValue')), { maxLength: 4 })
    .map((pairs) => `{${pairs.map(([k, v]) => `"${k}":${v}`).join(',')}}`),
  // One-key wrappers get fast paths of their own: give them many odd values.
  oneKey: fc
    .tuple(wrapperKey, fc.oneof(scalarText, scalarText, tie('textValue')))
    .map(([k, v]) => `{"${k}":${v}}`),
}));

test('hostile EJSON texts parse (or fail) exactly as bson parses them', () => {
  fc.assert(fc.property(textValue, expectSameAsBson), { numRuns: 3000 });
});

test.each([
  '{"a":{"$date":"2024-05-01T10:00:00.123Z"},"b":{"$date":{"$numberLong":"1714557600123"}}}',
  '{"a":{"$date":1714557600123},"b":{"$date":-0},"c":{"$date":"nope"},"d":{"$date":true}}',
  '{"a":{"$date":null},"b":{"$oid":null},"c":{"$undefined":true},"d":{"$undefined":false}}',
  '{"a":{"$oid":"0123456789abcdef01234567","x":1},"b":{"$oid":"short"}}',
  '{"r":{"$ref":"c","$id":{"$oid":"0123456789abcdef01234567"},"$db":"d","x":-0}}',
  '{"r":{"$ref":"c","$id":1,"$other":2},"s":{"$ref":5,"$id":1},"t":{"$id":1,"$ref":"c","$db":3}}',
  '{"$foo":-0,"x":1e400}',
  '{"$set":{"a":{"$date":5},"b.c":-0},"$inc":{"n":1},"$unset":{"s":""}}',
  '{"name":{"$regex":"^a","$options":"i"},"$and":[{"t":{"$gt":{"$date":"2024-01-01T00:00:00Z"}}}]}',
  '{"a":{"$numberLong":"9223372036854775807"},"b":{"$numberLong":"12"},"c":{"$numberLong":"x"}}',
  '{"a":{"$date":{"$numberLong":"-62135596800000"}},"b":{"$date":{"$numberInt":"5"}},"c":{"$date":{"$oid":"0123456789abcdef01234567"}}}',
  '{"a":{"$date":{"$undefined":true}},"b":{"$date":{"$numberDouble":"Infinity"}},"c":{"$date":{"$numberLong":"+5"}}}',
  '{"a":{"$numberDouble":"-0.0"},"b":{"$numberInt":"7"},"c":{"$numberDecimal":"1.10"}}',
  '{"a":{"$regularExpression":{"pattern":"^a","options":"ix"}},"b":{"$regex":"a","$options":"g"}}',
  '{"a":{"$binary":{"base64":"AAEC","subType":"04"}},"b":{"$uuid":"00112233-4455-6677-8899-aabbccddeeff"}}',
  '{"__proto__":{"$date":0},"x":{"__proto__":{"polluted":true}}}',
  '{"a":{"$date":0},"a":{"$date":1}}',
  '{"k\\u0000":1}',
  '[-0,{"$date":0},[{"$oid":"0123456789abcdef01234567"}]]',
  '{"$date":0}',
  '"\\u0000"',
  '-0',
  '{bad json',
  '',
  '{"a":' + '['.repeat(20000) + ']'.repeat(20000) + '}',
])('edge case %#', (text) => expectSameAsBson(text));
