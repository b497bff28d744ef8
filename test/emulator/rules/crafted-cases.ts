/**
 * Conformance rows for crafted requests (issue 22): bodies a modified client can post to
 * `/client/database` that the @cloudbase/database builder never sends. Each row failed before
 * the fix it names; the test report in the issue keeps the failing messages.
 */
import type { RuleCase } from './cases';
import { ME, OTHER } from './cases';
import { ejson, type Doc } from './support';

const OWNER = 'doc._openid == auth.openid';
const mixed = [
  { _id: 'm1', _openid: ME, n: 1, other: OTHER },
  { _id: 'x1', _openid: OTHER, n: 3 },
];
const byId = (stored: Doc[], id: string) => stored.find((d) => d._id === id);

const modify = (c: string, query: Doc, data: Doc, flags: Doc): Doc => ({
  action: 'database.modifyDocument',
  collectionName: c,
  query: ejson(query),
  data: ejson(data),
  ...flags,
});
const NOT_ONE_DOC = { rejects: /doc\(\) id must be a string or a number/ };

export const CRAFTED_CASES: RuleCase[] = [
  // --- 1. doc() means one document ---
  {
    name: 'crafted: PRIVATE doc({$in}) update with upsert does not edit another user’s document',
    source: 'issue 22 item 1',
    rule: 'PRIVATE',
    docs: mixed,
    run: (_db, c, raw) =>
      raw(
        modify(
          c,
          { _id: { $in: ['x1'] } },
          { $set: { n: 0 } },
          {
            queryType: 'DOC',
            multi: false,
            merge: true,
            upsert: true,
          },
        ),
      ),
    expect: NOT_ONE_DOC,
  },
  {
    name: 'crafted: doc({$in}).remove() is refused, not judged as a missing document',
    source: 'issue 22 item 1',
    rule: { read: OWNER, write: OWNER },
    docs: mixed,
    run: (_db, c, raw) =>
      raw({
        action: 'database.removeDocument',
        collectionName: c,
        queryType: 'DOC',
        query: ejson({ _id: { $in: ['x1'] } }),
        multi: false,
      }),
    expect: NOT_ONE_DOC,
  },
  {
    name: 'crafted: doc({$in}).set() is not judged as a create',
    source: 'issue 22 item 1',
    rule: { read: OWNER, create: true, update: false },
    docs: mixed,
    run: (_db, c, raw) =>
      raw(
        modify(
          c,
          { _id: { $in: ['x1'] } },
          { n: 0 },
          {
            queryType: 'DOC',
            multi: false,
            merge: false,
            upsert: true,
          },
        ),
      ),
    expect: NOT_ONE_DOC,
  },
  // --- 3. _openid cannot be forged, moved or stripped ---
  {
    name: 'crafted: _.rename onto _openid is refused',
    source: 'issue 22 item 3; reference [H/M]',
    rule: { read: OWNER, update: OWNER },
    docs: mixed,
    run: (_db, c, raw) =>
      raw(
        modify(
          c,
          { _openid: '{openid}' },
          { $rename: { other: '_openid' } },
          { queryType: 'WHERE', multi: true, merge: true, upsert: false },
        ),
      ),
    expect: 'denied',
  },
  {
    name: 'crafted: where().update() with upsert cannot create a document without _openid',
    source: 'issue 22 item 3',
    rule: { update: true, create: true },
    docs: mixed,
    run: (_db, c, raw) =>
      raw(
        modify(
          c,
          { n: 99 },
          { $set: { x: 1 } },
          { queryType: 'WHERE', multi: true, merge: true, upsert: true },
        ),
      ),
    expect: 'denied',
  },
  {
    name: 'crafted: a merge:false where().update() cannot strip _openid',
    source: 'issue 22 item 3',
    rule: { read: OWNER, update: OWNER },
    docs: mixed,
    run: (_db, c, raw) =>
      raw(
        modify(
          c,
          { _openid: '{openid}' },
          { n: 5 },
          { queryType: 'WHERE', multi: true, merge: false, upsert: false },
        ),
      ),
    expect: 'denied',
  },
  {
    name: 'crafted: doc().set() on a document without _openid does not give it the caller’s',
    source: 'issue 22 item 3',
    rule: { read: true, write: true },
    docs: [{ _id: 'a', n: 1 }],
    run: (_db, c, raw) =>
      raw(
        modify(
          c,
          { _id: 'a' },
          { n: 2 },
          {
            queryType: 'DOC',
            multi: false,
            merge: false,
            upsert: true,
          },
        ),
      ),
    expect: (_v, stored) => expect(byId(stored, 'a')).toEqual({ _id: 'a', n: 2 }),
  },
];
