// fast-check generators for the fuzz suite: inputs a careless or hostile client could send.
// Most are invalid on purpose; a share are valid so the "accepted" path is exercised too.
import fc from 'fast-check';
import { CONTROL_CHARS } from './profile-oracle';

const PROFILE_KEYS = [
  'nickName',
  'avatarUrl',
  'gender',
  'country',
  'province',
  'city',
  'language',
] as const;

/** Keys the server must refuse: operators, dot paths, identity and prototype keys. */
const HOSTILE_KEYS = [
  '$set',
  '$inc',
  'a.b',
  'nickName.x',
  '_id',
  '_openid',
  '__proto__',
  'constructor',
  'prototype',
  'loginCount',
  'createdAt',
  'openid',
  '',
];

/** Strings that stress validation: control characters, long runs, odd Unicode, schemes. */
const trickyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 30, maxLength: 80 }),
  fc.constantFrom(
    '',
    '   ',
    '\u0000',
    'a\nb',
    '\u202e',
    'x'.repeat(33),
    'x'.repeat(2000),
    'cloud://env.bucket/a.png',
    'https://example.com/a.png',
    'http://example.com/a.png',
    'javascript:alert(1)',
    '{"$gt":""}',
  ),
);

/** A value of any JSON-ish type (including nested operators and prototype-looking keys). */
const anyValue = fc.oneof(
  trickyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(0, 1, 2, 3, -1, 1.5),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant({ $gt: '' }),
);

/** A profile-shaped object: known, hostile or random keys with values of any type. */
export const profileInput = fc.dictionary(
  fc.oneof(
    fc.constantFrom(...PROFILE_KEYS),
    fc.constantFrom(...HOSTILE_KEYS),
    fc.string({ maxLength: 8 }),
  ),
  anyValue,
  { maxKeys: 5 },
);

/** A valid profile, so some fuzz cases succeed and the stored user changes. */
export const validProfile = fc
  .record(
    {
      nickName: fc
        .string({ minLength: 1, maxLength: 20 })
        .map((s) => s.replace(CONTROL_CHARS, '').trim())
        .filter((s) => s.length > 0),
      gender: fc.constantFrom(0, 1, 2),
      city: fc.string({ maxLength: 64 }).map((s) => s.replace(CONTROL_CHARS, '')),
    },
    { requiredKeys: [] },
  )
  .filter((p) => Object.keys(p).length > 0);

/** What the `profile` field of an updateUserInfo event may be: mostly objects, sometimes not. */
export const profileField = fc.oneof(
  { weight: 6, arbitrary: profileInput },
  { weight: 2, arbitrary: validProfile },
  { weight: 1, arbitrary: anyValue },
);

/** An arbitrary event for any function: missing fields, wrong types, huge or odd tokens. */
export const functionEvent = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      token: fc.oneof(trickyString, anyValue, fc.stringMatching(/^[0-9a-f]{64}$/)),
      withUser: anyValue,
      scope: fc.oneof(fc.constantFrom('current', 'all'), anyValue),
      profile: profileField,
      client: fc.oneof(anyValue, fc.dictionary(trickyString, anyValue, { maxKeys: 4 })),
    },
    { requiredKeys: [] },
  ),
);

/** Names that a lookup in a plain object finds on Object.prototype: a classic dispatch bug. */
export const PROTOTYPE_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
];

export const ADMIN_ACTIONS = [
  'database.insertDocument',
  'database.getDocument',
  'database.calculateDocument',
  'database.modifyDocument',
  'database.removeDocument',
  'database.aggregateDocuments',
  'database.addCollection',
  'database.startTransaction',
  'database.commitTransaction',
  'database.abortTransaction',
];

/** Strings that look like (possibly broken) Extended JSON, as the SDK sends queries. */
const ejsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  trickyString,
  fc.constantFrom(
    '{"_id":{"$oid":"zz"}}',
    '{"a":{"$numberInt":"x"}}',
    '{"$where":"1"}',
    '{"a":{"$regularExpression":{"pattern":"(","options":""}}}',
    '{"$tcb_server_date":{"offset":"a"}}',
    '{"a":{"$date":{"$numberLong":"nope"}}}',
    '{',
  ),
);

/** A TCB admin request body: a real or fake action with fields of right or wrong types. */
export const adminBody = fc.record(
  {
    action: fc.oneof(
      fc.constantFrom(...ADMIN_ACTIONS),
      fc.constantFrom(...PROTOTYPE_NAMES),
      trickyString,
      anyValue,
    ),
    collectionName: fc.oneof(fc.constantFrom('fuzz', 'users', ''), trickyString, anyValue),
    query: fc.oneof(ejsonish, anyValue),
    queryType: fc.oneof(fc.constantFrom('DOC', 'WHERE'), anyValue),
    data: fc.oneof(fc.array(ejsonish, { maxLength: 3 }), ejsonish, anyValue),
    multi: anyValue,
    merge: anyValue,
    upsert: anyValue,
    limit: anyValue,
    offset: anyValue,
    order: fc.oneof(ejsonish, anyValue),
    projection: fc.oneof(ejsonish, anyValue),
    stages: fc.oneof(
      fc.array(
        fc.record({
          stageKey: fc.oneof(fc.constantFrom('$match', '$group', '$out'), trickyString),
          stageValue: ejsonish,
        }),
        { maxLength: 3 },
      ),
      anyValue,
    ),
    transactionId: fc.oneof(trickyString, anyValue),
  },
  { requiredKeys: ['action'] },
);

/** A raw HTTP body: valid JSON of any shape, or bytes that are not JSON at all. */
export const rawBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', '{', 'null', '[]', '{"data":', '{"data":null}'),
);
