/**
 * The database actions of wx-server-sdk 1.x/2.0.x (@cloudbase/database 0.9.x), sent to
 * `POST /admin` with the bodies and read back the way 0.9.22 reads them (document.js, query.js,
 * aggregate.js, transaction/document.js). The SDKs themselves run in `npm run test:sdk-compat`.
 */
import { EJSON } from 'bson';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';

const FIXTURE_PROJECT = path.join(__dirname, '..', '..', 'fixtures', 'conformance-project');

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ project: FIXTURE_PROJECT, inMemory: true, port: 0 });
  await send('database.addCollection', { collectionName: 'legacy' });
});
afterAll(async () => {
  await emu?.stop();
});

/** The reply fields these tests read (transactions answer `data` as text: cast there). */
interface Data {
  _id: string;
  list: Array<Record<string, unknown>>;
  total: number;
  upserted_id: unknown;
  updated: number;
  deleted: number;
}
type Reply = Record<string, unknown> & { data: Data };

async function send(action: string, params: Record<string, unknown> = {}): Promise<Reply> {
  const res = await fetch(emu.adminUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, envName: 'x', ...params }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Reply;
}

const coll = { collectionName: 'legacy' };

describe('legacy database actions (wx-server-sdk 1.x/2.0.x)', () => {
  test('addDocument, queryDocument, countDocument, updateDocument, deleteDocument', async () => {
    const added = await send('database.addDocument', {
      ...coll,
      data: { name: 'Ann', n: 1, at: { $date: 1577934245000 }, made: { $date: { offset: 0 } } },
    });
    const id = added.data._id;
    expect(typeof id).toBe('string');
    await send('database.addDocument', { ...coll, _id: 'b', data: { name: 'bob', n: 2 } });

    const got = await send('database.queryDocument', {
      ...coll,
      queryType: 'DOC',
      query: { _id: id },
      multi: false,
      projection: {},
    });
    expect(got.data.list).toEqual([
      {
        _id: id,
        name: 'Ann',
        n: 1,
        at: { $date: '2020-01-02T03:04:05Z' },
        made: { $date: expect.any(String) },
      },
    ]);

    const listed = await send('database.queryDocument', {
      ...coll,
      queryType: 'WHERE',
      query: { name: { $regex: '^b', $options: 'i' } },
      order: [{ field: 'n', direction: 'desc' }],
      limit: 100,
    });
    expect(listed.data.list.map((doc) => doc._id)).toEqual(['b']);
    const sorted = await send('database.queryDocument', {
      ...coll,
      queryType: 'WHERE',
      order: [{ field: 'n', direction: 'desc' }],
      limit: 100,
    });
    expect(sorted.data.list.map((doc) => doc.n)).toEqual([2, 1]);

    const counted = await send('database.countDocument', { ...coll, query: { n: { $gt: 0 } } });
    expect(counted.data.total).toBe(2);

    const set = await send('database.updateDocument', {
      ...coll,
      queryType: 'DOC',
      query: { _id: 'c' },
      data: { name: 'cy' },
      multi: false,
      merge: false,
      upsert: true,
    });
    expect(set.data.upserted_id).toBe('c');
    const updated = await send('database.updateDocument', {
      ...coll,
      queryType: 'WHERE',
      query: { n: { $gte: 1 } },
      data: { $inc: { n: 10 } },
      multi: true,
      merge: true,
      upsert: false,
    });
    expect(updated.data.updated).toBe(2);

    const removed = await send('database.deleteDocument', {
      ...coll,
      queryType: 'DOC',
      query: { _id: 'c' },
      multi: false,
    });
    expect(removed.data.deleted).toBe(1);
  });

  test('aggregate answers its list as one JSON text of Extended JSON strings', async () => {
    await send('database.addDocument', { ...coll, data: { g: 'x', v: 3 } });
    await send('database.addDocument', { ...coll, data: { g: 'x', v: 4 } });
    const reply = await send('database.aggregate', {
      ...coll,
      stages: [
        { stageKey: '$match', stageValue: JSON.stringify({ g: 'x' }) },
        { stageKey: '$group', stageValue: JSON.stringify({ _id: '$g', total: { $sum: '$v' } }) },
      ],
    });
    const list = (JSON.parse(reply.data.list as unknown as string) as string[]).map((item) =>
      EJSON.parse(item),
    );
    expect(list).toEqual([{ _id: 'x', total: 7 }]);
  });

  test('transactions: get, update, insert, delete inside one, committed or aborted', async () => {
    await send('database.addDocument', { ...coll, _id: 't1', data: { n: 1 } });
    const start = async () => (await send('database.startTransaction')).transactionId as string;
    const tx = { ...coll, transactionId: await start() };
    const got = await send('database.getInTransaction', { ...tx, query: { _id: { $eq: 't1' } } });
    expect(EJSON.parse(got.data as unknown as string)).toEqual({ _id: 't1', n: 1 });
    const missing = await send('database.getInTransaction', {
      ...tx,
      query: { _id: { $eq: 'no' } },
    });
    expect(missing.data as unknown).toBe('null');
    const updated = await send('database.updateDocInTransaction', {
      ...tx,
      query: { _id: { $eq: 't1' } },
      data: EJSON.stringify({ $set: { n: 2 } }, { relaxed: false }),
    });
    expect(EJSON.parse(updated.updated as string)).toBe(1);
    const inserted = await send('database.insertDocInTransaction', {
      ...tx,
      _id: 't2',
      data: EJSON.stringify({ n: 5 }, { relaxed: false }),
    });
    expect(EJSON.parse(inserted.inserted as string)).toBe(1);
    const deleted = await send('database.deleteDocInTransaction', {
      ...tx,
      query: { _id: { $eq: 't1' } },
    });
    expect(EJSON.parse(deleted.deleted as string)).toBe(1);
    await send('database.commitTransaction', { transactionId: tx.transactionId });
    const after = await send('database.queryDocument', {
      ...coll,
      queryType: 'WHERE',
      query: { _id: { $in: ['t1', 't2'] } },
      limit: 10,
    });
    expect(after.data.list).toEqual([{ _id: 't2', n: 5 }]);

    const aborted = { ...coll, transactionId: await start() };
    await send('database.updateDocInTransaction', {
      ...aborted,
      query: { _id: { $eq: 't2' } },
      data: EJSON.stringify({ n: 9 }, { relaxed: false }),
      upsert: true,
    });
    await send('database.abortTransaction', { transactionId: aborted.transactionId });
    const kept = await send('database.queryDocument', {
      ...coll,
      queryType: 'DOC',
      query: { _id: 't2' },
      multi: false,
    });
    expect(kept.data.list).toEqual([{ _id: 't2', n: 5 }]);
  });

  test('errors pass through in the shape the old SDK reads', async () => {
    const reply = await send('database.addDocument', {
      collectionName: 'never_created',
      data: { a: 1 },
    });
    expect(reply.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(reply.data).toBeUndefined();
  });
});
