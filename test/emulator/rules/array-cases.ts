/**
 * Conformance rows for array-valued fields (issue 22 item 4). A query condition on a field
 * also matches documents whose field is an array holding a matching element, so the emulator
 * may not reason as if the field held one value: conditions that only an array can meet
 * together prove nothing, and `auth.openid in doc.editors` is proven by the query that
 * production documents for it, `where({ editors: '{openid}' })`.
 */
import type { RuleCase } from './cases';
import { ME, OTHER } from './cases';
import type { Doc } from './support';

const ids = (value: { data: Doc[] }) => value.data.map((d) => d._id).sort();
const shared = [
  { _id: 'e1', editors: [ME, OTHER] },
  { _id: 'e2', editors: [OTHER] },
];

export const ARRAY_CASES: RuleCase[] = [
  {
    name: "arrays: auth.openid in doc.editors is proven by where({editors: '{openid}'})",
    source: 'docs.cloudbase.net database/security-rules (in 包含于) [H]',
    rule: { read: 'auth.openid in doc.editors' },
    docs: shared,
    run: (db, c) => db.collection(c).where({ editors: '{openid}' }).get(),
    expect: (v) => expect(ids(v)).toEqual(['e1']),
  },
  {
    name: 'arrays: auth.openid in doc.editors is proven by _.all([openid])',
    source: 'issue 22 item 4',
    rule: { read: 'auth.openid in doc.editors' },
    docs: shared,
    run: (db, c) =>
      db
        .collection(c)
        .where({ editors: db.command.all(['{openid}']) })
        .get(),
    expect: (v) => expect(ids(v)).toEqual(['e1']),
  },
  {
    name: 'arrays: auth.openid in doc.editors with another user in the query is refused',
    source: 'issue 22 item 4',
    rule: { read: 'auth.openid in doc.editors' },
    docs: shared,
    run: (db, c) => db.collection(c).where({ editors: OTHER }).get(),
    expect: 'denied',
  },
  {
    name: 'arrays: two equalities only an array can meet prove neither',
    source: 'issue 22 item 4',
    rule: { read: "doc.tag == 'public'" },
    docs: [{ _id: 't1', tag: ['public', 'secret'] }],
    run: (db, c) =>
      db
        .collection(c)
        .where(db.command.and([{ tag: 'public' }, { tag: 'secret' }]))
        .get(),
    expect: 'denied',
  },
  {
    name: 'arrays: two disjoint in-lists only an array can meet prove nothing',
    source: 'issue 22 item 4',
    rule: { read: 'doc.level == 1' },
    docs: [{ _id: 'l1', level: [2, 3] }],
    run: (db, c) =>
      db
        .collection(c)
        .where(db.command.and([{ level: db.command.in([1, 2]) }, { level: db.command.in([3, 4]) }]))
        .get(),
    expect: 'denied',
  },
];
