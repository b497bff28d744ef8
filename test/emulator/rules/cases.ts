/**
 * The conformance table: each case is a rule, stored documents, one client call through the
 * bridge (real @cloudbase/database builder) and what production answers, with its source
 * (see /work/shared/reference/security-rules.md; [H] official docs or SDK code, [M] official
 * secondary text, [L] a single report). `readThenCheck` is set only where the
 * --rules-doc-id switch changes the answer: the doc(id) cases.
 */
import type { BridgeDatabase } from '../../../emulator/src/bridge/database-types';
import type { Doc, RawClient } from './support';

export const ME = 'o-me';
export const OTHER = 'o-other';

/** A refusal ('denied': Permission denied; 'acl': a legacy preset's ACL message) or a check. */
export type Expectation =
  | 'denied'
  | 'acl'
  | { rejects: RegExp }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case knows its result shape
  | ((value: any, stored: Doc[]) => void);

export interface RuleCase {
  name: string;
  source: string;
  rule: unknown;
  docs?: Doc[];
  as?: string;
  docId?: boolean;
  /** Other collections to seed (admin) before the call, e.g. what a get() in the rule reads. */
  extra?: Record<string, Doc[]>;
  /** Rules of those other collections (names unique across the table). */
  extraRules?: Record<string, unknown>;
  /** The call: through the real builder (`db`), or a crafted body sent as is (`raw`). */
  run(db: BridgeDatabase, collection: string, raw: RawClient): Promise<unknown>;
  expect: Expectation;
  readThenCheck?: Expectation;
}

const mine = [
  { _id: 'm1', _openid: ME, age: 20, n: 1 },
  { _id: 'm2', _openid: ME, age: 30, n: 2 },
];
const mixed = [...mine, { _id: 'x1', _openid: OTHER, age: 40, n: 3 }];
const OWNER = 'doc._openid == auth.openid';
const ids = (value: { data: Doc[] }) => value.data.map((d) => d._id).sort();

// A table on purpose: every row states its rule, data and source in full, so rows repeat lines.
export const CASES: RuleCase[] = [
  // --- Queries are judged as subsets of the rule, never filtered ---
  {
    name: "where({_openid:'{openid}'}).get() with doc._openid == auth.openid is allowed",
    source: 'WeChat 数据库安全规则 [H]',
    rule: { read: OWNER },
    docs: mixed,
    run: (db, c) => db.collection(c).where({ _openid: '{openid}' }).get(),
    expect: (v) => expect(ids(v)).toEqual(['m1', 'm2']),
  },
  {
    name: "bare get() is refused even when every stored document is the caller's",
    source: 'WeChat 数据库安全规则 [H]',
    rule: { read: OWNER },
    docs: mine,
    run: (db, c) => db.collection(c).get(),
    expect: 'denied',
  },
  {
    name: 'where({_openid: someone else}) is refused',
    source: 'WeChat 数据库安全规则 [H]',
    rule: { read: OWNER },
    docs: mixed,
    run: (db, c) => db.collection(c).where({ _openid: OTHER }).get(),
    expect: 'denied',
  },
  {
    name: 'extra narrowing conditions next to _openid are fine',
    source: 'WeChat 数据库安全规则 [H]',
    rule: { read: OWNER },
    docs: mixed,
    run: (db, c) => db.collection(c).where({ _openid: '{openid}', age: 30 }).get(),
    expect: (v) => expect(ids(v)).toEqual(['m2']),
  },
  {
    name: 'doc.age > 10: where({age: _.gt(15)}) is allowed',
    source: 'CloudBase rule/learn-rules [M]',
    rule: { read: 'doc.age > 10' },
    docs: mixed,
    run: (db, c) =>
      db
        .collection(c)
        .where({ age: db.command.gt(15) })
        .get(),
    expect: (v) => expect(ids(v)).toEqual(['m1', 'm2', 'x1']),
  },
  {
    name: 'doc.age > 10: where({age: _.gt(8)}) is refused',
    source: 'CloudBase rule/learn-rules [M]',
    rule: { read: 'doc.age > 10' },
    docs: mixed,
    run: (db, c) =>
      db
        .collection(c)
        .where({ age: db.command.gt(8) })
        .get(),
    expect: 'denied',
  },
  {
    name: 'published || author: where({published: true}) is allowed',
    source: 'Tencent Cloud 876/41802 [H]',
    rule: { read: 'doc.published == true || doc.author == auth.openid' },
    docs: [
      { _id: 'p', published: true, author: OTHER },
      { _id: 'd', published: false, author: ME },
    ],
    run: (db, c) => db.collection(c).where({ published: true }).get(),
    expect: (v) => expect(ids(v)).toEqual(['p']),
  },
  {
    name: "published || author: where({author: '{openid}'}) is allowed",
    source: 'Tencent Cloud 876/41802 [H]',
    rule: { read: 'doc.published == true || doc.author == auth.openid' },
    docs: [
      { _id: 'p', published: true, author: OTHER },
      { _id: 'd', published: false, author: ME },
    ],
    run: (db, c) => db.collection(c).where({ author: '{openid}' }).get(),
    expect: (v) => expect(ids(v)).toEqual(['d']),
  },
  {
    name: "published || author: where({title: 'x'}) is refused",
    source: 'Tencent Cloud 876/41802 [H]',
    rule: { read: 'doc.published == true || doc.author == auth.openid' },
    docs: [{ _id: 'p', title: 'x', published: true }],
    run: (db, c) => db.collection(c).where({ title: 'x' }).get(),
    expect: 'denied',
  },
  {
    name: 'an $or query is allowed only when every branch is a subset',
    source: 'Tencent Cloud 876/41802 [H]',
    rule: { read: 'doc.published == true || doc.author == auth.openid' },
    docs: [{ _id: 'p', published: true }],
    run: (db, c) =>
      db
        .collection(c)
        .where(db.command.or([{ published: true }, { title: 'x' }]))
        .get(),
    expect: 'denied',
  },
  {
    name: 'read: true needs no condition',
    source: 'WeChat 数据库安全规则 [H]',
    rule: { read: true },
    docs: mixed,
    run: (db, c) => db.collection(c).get(),
    expect: (v) => expect(v.data).toHaveLength(3),
  },
  {
    name: 'a rule that tests only auth needs no condition',
    source: 'WeChat 数据库安全规则 [H]',
    rule: { read: 'auth.openid != null' },
    docs: mixed,
    run: (db, c) => db.collection(c).get(),
    expect: (v) => expect(v.data).toHaveLength(3),
  },
  {
    name: '{} denies everything',
    source: 'WeChat 数据库安全规则 [H]',
    rule: {},
    docs: mixed,
    run: (db, c) => db.collection(c).where({ _openid: '{openid}' }).get(),
    expect: 'denied',
  },
  {
    name: 'no match resolves { data: [] }',
    source: 'reference: errors and results [H]',
    rule: { read: OWNER },
    docs: [],
    run: (db, c) => db.collection(c).where({ _openid: '{openid}' }).get(),
    expect: (v) => expect(v).toEqual({ data: [], errMsg: 'collection.get:ok' }),
  },
  {
    name: 'get() returns at most 20 documents to the client',
    source: 'reference: client limits [H]',
    rule: { read: true },
    docs: Array.from({ length: 25 }, (_, i) => ({ _id: `d${i}`, i })),
    run: (db, c) => db.collection(c).limit(50).get(),
    expect: (v) => expect(v.data).toHaveLength(20),
  },
  // --- count and aggregate ---
  {
    name: 'count() is judged by read: bare count refused',
    source: 'reference [L]',
    rule: { read: OWNER },
    docs: mine,
    run: (db, c) => db.collection(c).count(),
    expect: 'denied',
  },
  {
    name: "count() is judged by read: where({_openid:'{openid}'}).count() allowed",
    source: 'reference [L]',
    rule: { read: OWNER },
    docs: mixed,
    run: (db, c) => db.collection(c).where({ _openid: '{openid}' }).count(),
    expect: (v) => expect(v).toEqual({ total: 2, errMsg: 'collection.count:ok' }),
  },
  {
    name: 'aggregate() is judged on its first $match: own documents allowed',
    source: 'reference [M]',
    rule: { read: OWNER },
    docs: mixed,
    run: (db, c) => db.collection(c).aggregate().match({ _openid: '{openid}' }).count('n').end(),
    expect: (v) => expect(v.list).toEqual([{ n: 2 }]),
  },
  {
    name: 'aggregate() without a leading $match is refused',
    source: 'reference [M]',
    rule: { read: OWNER },
    docs: mine,
    run: (db, c) => db.collection(c).aggregate().count('n').end(),
    expect: 'denied',
  },
  // --- writes ---
  {
    name: "where({_openid:'{openid}'}).update() is judged by update",
    source: 'WeChat 数据库安全规则 [H]',
    rule: { read: OWNER, update: OWNER },
    docs: mixed,
    run: (db, c) =>
      db
        .collection(c)
        .where({ _openid: '{openid}' })
        .update({ data: { n: 9 } }),
    expect: (v, stored) => {
      expect(v.stats.updated).toBe(2);
      expect(stored.find((d) => d._id === 'x1')?.n).toBe(3);
    },
  },
  {
    name: 'where().update() on a condition outside the rule is refused',
    source: 'WeChat 数据库安全规则 [H]',
    rule: { update: OWNER },
    docs: mixed,
    run: (db, c) =>
      db
        .collection(c)
        .where({ age: 40 })
        .update({ data: { n: 9 } }),
    expect: 'denied',
  },
  {
    name: 'request.data constrains new values: price unchanged is allowed',
    source: 'Tencent Cloud 876/41802 [H]',
    rule: { update: 'doc.price == request.data.price || request.data.price == undefined' },
    docs: [{ _id: 'a', price: 5 }],
    run: (db, c) =>
      db
        .collection(c)
        .where({ price: 5 })
        .update({ data: { price: 5, name: 'n' } }),
    expect: (v) => expect(v.stats.updated).toBe(1),
  },
  {
    name: 'request.data constrains new values: no price in data is allowed',
    source: 'Tencent Cloud 876/41802 [H]',
    rule: { update: 'doc.price == request.data.price || request.data.price == undefined' },
    docs: [{ _id: 'a', price: 5 }],
    run: (db, c) =>
      db
        .collection(c)
        .where({ name: db.command.exists(false) })
        .update({ data: { name: 'n' } }),
    expect: (v) => expect(v.stats.updated).toBe(1),
  },
  {
    name: 'request.data constrains new values: changing the price is refused',
    source: 'Tencent Cloud 876/41802 [H]',
    rule: { update: 'doc.price == request.data.price || request.data.price == undefined' },
    docs: [{ _id: 'a', price: 5 }],
    run: (db, c) =>
      db
        .collection(c)
        .where({ price: 5 })
        .update({ data: { price: 1 } }),
    expect: 'denied',
  },
  {
    name: 'where().remove() falls back to write',
    source: 'WeChat 数据库安全规则 [H]',
    rule: { write: OWNER },
    docs: mixed,
    run: (db, c) => db.collection(c).where({ _openid: '{openid}' }).remove(),
    expect: (v, stored) => {
      expect(v.stats.removed).toBe(2);
      expect(stored.map((d) => d._id)).toEqual(['x1']);
    },
  },
  {
    name: 'a specific key replaces write (delete: false beats write: true)',
    source: 'WeChat 数据库安全规则 [H]',
    rule: { write: true, delete: false },
    docs: mine,
    run: (db, c) => db.collection(c).where({ n: 1 }).remove(),
    expect: 'denied',
  },
  {
    name: 'add() is judged on the written data (allowed)',
    source: 'reference [M]',
    rule: { create: 'doc.n > 0' },
    docs: [],
    run: (db, c) => db.collection(c).add({ data: { n: 1 } }),
    expect: (v, stored) => expect(stored).toEqual([{ _id: v._id, n: 1, _openid: ME }]),
  },
  {
    name: 'add() is judged on the written data (refused)',
    source: 'reference [M]',
    rule: { create: 'doc.n > 0' },
    docs: [],
    run: (db, c) => db.collection(c).add({ data: { n: 0 } }),
    expect: 'denied',
  },
  {
    name: "add() replaces '{openid}' in data and sets _openid",
    source: 'WeChat 数据库安全规则 [H]',
    rule: { create: true },
    docs: [],
    run: (db, c) => db.collection(c).add({ data: { owner: '{openid}' } }),
    expect: (v, stored) => expect(stored).toEqual([{ _id: v._id, owner: ME, _openid: ME }]),
  },
  {
    name: 'a client may not set _openid on add',
    source: 'reference [H/M]',
    rule: { create: true },
    docs: [],
    run: (db, c) => db.collection(c).add({ data: { _openid: OTHER } }),
    expect: 'denied',
  },
  {
    name: 'a client may not change _openid on update',
    source: 'reference [H/M]',
    rule: { update: true },
    docs: mine,
    run: (db, c) =>
      db
        .collection(c)
        .where({ n: 1 })
        .update({ data: { _openid: OTHER } }),
    expect: 'denied',
  },
  {
    name: 'get() in a rule reads another document',
    source: 'CloudBase rule/reference/function [H]',
    rule: { read: "get(`database.roles_a.${auth.openid}`).role == 'admin'" },
    extra: {
      roles_a: [
        { _id: ME, role: 'admin' },
        { _id: OTHER, role: 'user' },
      ],
    },
    docs: mixed,
    run: (db, c) => db.collection(c).get(),
    expect: (v) => expect(v.data).toHaveLength(3),
  },
  {
    name: 'get() in a rule refuses a user whose document says otherwise',
    source: 'CloudBase rule/reference/function [H]',
    rule: { read: "get(`database.roles_b.${auth.openid}`).role == 'admin'" },
    as: OTHER,
    extra: {
      roles_b: [
        { _id: ME, role: 'admin' },
        { _id: OTHER, role: 'user' },
      ],
    },
    docs: mixed,
    run: (db, c) => db.collection(c).get(),
    expect: 'denied',
  },
  // --- doc(id): the switch ---
  {
    name: "doc(id).get() of the caller's own document with an owner rule",
    source: 'WeChat 2019 text vs CloudBase text [M]',
    docId: true,
    rule: { read: OWNER },
    docs: mixed,
    run: (db, c) => db.collection(c).doc('m1').get(),
    expect: 'denied',
    readThenCheck: (v) => expect(v.data._id).toBe('m1'),
  },
  {
    name: "doc(id).get() of another user's document with an owner rule",
    source: 'WeChat 2019 text vs CloudBase text [M]',
    docId: true,
    rule: { read: OWNER },
    docs: mixed,
    run: (db, c) => db.collection(c).doc('x1').get(),
    expect: 'denied',
  },
  {
    name: "doc(id).update() of the caller's own document with an owner rule",
    source: 'WeChat 2019 text vs CloudBase text [M]',
    docId: true,
    rule: { update: OWNER },
    docs: mixed,
    run: (db, c) =>
      db
        .collection(c)
        .doc('m1')
        .update({ data: { n: 7 } }),
    expect: 'denied',
    readThenCheck: (v) => expect(v.stats.updated).toBe(1),
  },
  {
    name: "doc(id).remove() of the caller's own document with an owner rule",
    source: 'WeChat 2019 text vs CloudBase text [M]',
    docId: true,
    rule: { delete: OWNER },
    docs: mixed,
    run: (db, c) => db.collection(c).doc('m2').remove(),
    expect: 'denied',
    readThenCheck: (v) => expect(v.stats.removed).toBe(1),
  },
  {
    name: 'doc(id).get() with read: true passes in both readings',
    source: 'WeChat 数据库安全规则 [H]',
    docId: true,
    rule: { read: true },
    docs: mixed,
    run: (db, c) => db.collection(c).doc('x1').get(),
    expect: (v) => expect(v.data._id).toBe('x1'),
  },
  {
    name: "doc('missing').get() rejects 'does not exist'",
    source: 'reference [H server, L client]',
    docId: true,
    rule: { read: true },
    docs: [],
    run: (db, c) => db.collection(c).doc('missing').get(),
    expect: { rejects: /^document\.get:fail document with _id missing does not exist$/ },
  },
  // --- legacy presets ---
  {
    name: 'READONLY: everyone reads everything',
    source: 'console presets [H]',
    rule: 'READONLY',
    docs: mixed,
    run: (db, c) => db.collection(c).get(),
    expect: (v) => expect(v.data).toHaveLength(3),
  },
  {
    name: "READONLY: updating another user's document by id 'succeeds' with updated 0",
    source: 'console presets [H]',
    rule: 'READONLY',
    docs: mixed,
    run: (db, c) =>
      db
        .collection(c)
        .doc('x1')
        .update({ data: { n: 0 } }),
    expect: (v, stored) => {
      expect(v.stats.updated).toBe(0);
      expect(stored.find((d) => d._id === 'x1')?.n).toBe(3);
    },
  },
  {
    name: "PRIVATE: a bare get() is silently filtered to the caller's documents",
    source: 'console presets [H]',
    rule: 'PRIVATE',
    docs: mixed,
    run: (db, c) => db.collection(c).get(),
    expect: (v) => expect(ids(v)).toEqual(['m1', 'm2']),
  },
  {
    name: 'ADMINWRITE: reads are allowed',
    source: 'console presets [H]',
    rule: 'ADMINWRITE',
    docs: mixed,
    run: (db, c) => db.collection(c).count(),
    expect: (v) => expect(v.total).toBe(3),
  },
  {
    name: 'ADMINWRITE: add() is refused with the ACL tag message',
    source: 'console presets [M]',
    rule: 'ADMINWRITE',
    docs: [],
    run: (db, c) => db.collection(c).add({ data: { n: 1 } }),
    expect: 'acl',
  },
  {
    name: 'ADMINONLY: reads are refused',
    source: 'console presets [H]',
    rule: 'ADMINONLY',
    docs: mixed,
    run: (db, c) => db.collection(c).where({ _openid: '{openid}' }).get(),
    expect: 'acl',
  },
];
