/**
 * Hostile queries (issue 10): a catastrophic regex, a huge $in, an exploding aggregate. The
 * process keeps serving (/healthz) and each gets a clear INVALID_PARAM instead of hanging.
 */
import { EJSON } from 'bson';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { requestJson } from '../../../emulator/src/http/json-client';

let emu: RunningEmulator;
/** V8 needs ~1 s for this pattern at 26 characters and ~4x more per 2 more: hours at 40. */
const HOSTILE = 'a'.repeat(40) + '!';

function admin(body: Record<string, unknown>): Promise<Record<string, unknown>> {
  return emu.database.handle({ envName: 'test', ...body });
}

beforeAll(async () => {
  emu = await startEmulator({ inMemory: true });
  await admin({ action: 'database.addCollection', collectionName: 'victims' });
  await admin({
    action: 'database.insertDocument',
    collectionName: 'victims',
    data: [
      JSON.stringify({
        _id: 'v1',
        name: HOSTILE,
        tags: [HOSTILE],
        list: Array.from({ length: 10_001 }, (_, i) => i),
      }),
      JSON.stringify({ _id: 'v2', name: 'aaaa' }),
    ],
  });
});
afterAll(() => emu?.stop());

test('a catastrophic regex runs in linear time while /healthz keeps answering', async () => {
  const where = (query: unknown) =>
    requestJson(emu.adminUrl, {
      json: {
        action: 'database.getDocument',
        collectionName: 'victims',
        queryType: 'WHERE',
        query: JSON.stringify(query),
      },
      agent: false,
    });
  const hostile = Promise.all([
    where({ name: { $regex: '^(a+)+$' } }),
    where({ name: { $regularExpression: { pattern: '^(a|aa)+$', options: '' } } }),
    where({ tags: { $elemMatch: { $regex: '^(a+)+$' } } }),
    where({ $or: [{ name: { $not: { $regex: '^(a+)+$', $options: 'i' } } }] }),
  ]);
  const health = await requestJson(`${emu.url}/healthz`, { method: 'GET', agent: false });
  // How fast it answers is a bench figure (bench/healthz-under-attack.ts), not a test's.
  expect(health.status).toBe(200);
  const [plain, bson, elem, negated] = await hostile;
  const ids = (reply: { body: unknown }) =>
    ((reply.body as { data: { list: string[] } }).data.list ?? []).map(
      (d) => (JSON.parse(d) as { _id: string })._id,
    );
  expect(ids(plain)).toEqual(['v2']);
  expect(ids(bson)).toEqual(['v2']);
  expect(ids(elem)).toEqual([]);
  expect(ids(negated)).toEqual(['v1']);
});

test('patterns the linear engine cannot run are INVALID_PARAM, not a hang', async () => {
  for (const pattern of ['(a*)*\\1', '^(?=a)a', 'x'.repeat(1025)]) {
    const reply = await admin({
      action: 'database.getDocument',
      collectionName: 'victims',
      queryType: 'WHERE',
      query: JSON.stringify({ name: { $regex: pattern } }),
    });
    expect(reply).toMatchObject({ code: 'INVALID_PARAM' });
  }
});

test('a 300,000-entry $in is refused; 10,000 still works', async () => {
  const query = (n: number) =>
    admin({
      action: 'database.calculateDocument',
      collectionName: 'victims',
      queryType: 'WHERE',
      query: JSON.stringify({ name: { $in: Array.from({ length: n }, (_, i) => `x${i}`) } }),
    });
  expect(await query(300_000)).toMatchObject({
    code: 'INVALID_PARAM',
    message: expect.stringContaining('10000'),
  });
  expect(await query(10_000)).toMatchObject({ data: { total: 0 } });
});

test('aggregate output and pipeline length are capped', async () => {
  const aggregate = (stages: Array<Record<string, unknown>>) =>
    admin({
      action: 'database.aggregateDocuments',
      collectionName: 'victims',
      stages: stages.map((s) => {
        const [key, value] = Object.entries(s)[0]!;
        return { stageKey: key, stageValue: JSON.stringify(value) };
      }),
    });
  expect(await aggregate([{ $unwind: '$list' }])).toMatchObject({
    code: 'INVALID_PARAM',
    message: expect.stringContaining('10000'),
  });
  expect(await aggregate([{ $unwind: '$list' }, { $limit: 5 }])).toMatchObject({
    data: { list: expect.any(Array) },
  });
  expect(await aggregate(Array.from({ length: 1001 }, () => ({ $match: {} })))).toMatchObject({
    code: 'INVALID_PARAM',
  });
  expect(
    await aggregate([{ $project: { m: { $regexMatch: { input: '$name', regex: '^(a+)+$' } } } }]),
  ).toMatchObject({
    code: 'INVALID_PARAM',
  });
});

describe('every regex and every size on every aggregate path is bounded (issue 22 item 5)', () => {
  const aggregate = (stages: Array<Record<string, unknown>>) =>
    admin({
      action: 'database.aggregateDocuments',
      collectionName: 'victims',
      stages: stages.map((s) => {
        const [key, value] = Object.entries(s)[0]!;
        return { stageKey: key, stageValue: JSON.stringify(value) };
      }),
    });
  const names = (reply: Record<string, unknown>) =>
    ((reply.data as { list?: string[] } | undefined)?.list ?? []).map(
      (text) => EJSON.parse(text, { relaxed: true }) as Record<string, unknown>,
    );

  test('a regex inside a $lookup or $facet sub-pipeline runs on the linear engine', async () => {
    const hostile = { $match: { name: { $regex: '^(a+)+$' } } };
    const lookup = await aggregate([
      { $match: { _id: 'v2' } },
      { $lookup: { from: 'victims', pipeline: [hostile, { $project: { _id: 1 } }], as: 'x' } },
      { $project: { x: 1 } },
    ]);
    expect(names(lookup)).toEqual([{ _id: 'v2', x: [{ _id: 'v2' }] }]);
    const facet = await aggregate([{ $facet: { hits: [hostile, { $count: 'n' }] } }]);
    expect(names(facet)).toEqual([{ hits: [{ n: 1 }] }]);
    const inList = {
      $match: { name: { $in: [{ $regularExpression: { pattern: '^(a+)+$', options: '' } }] } },
    };
    const listed = await aggregate([{ $lookup: { from: 'victims', pipeline: [inList], as: 'x' } }]);
    expect(listed).toMatchObject({ code: 'INVALID_PARAM' });
  });

  test('a regex in an update $pull runs on the linear engine', async () => {
    const pulled = await admin({
      action: 'database.modifyDocument',
      collectionName: 'victims',
      queryType: 'WHERE',
      query: JSON.stringify({ _id: 'v1' }),
      data: JSON.stringify({ $pull: { tags: { $regex: '^(a+)+$' } } }),
    });
    expect(pulled).toMatchObject({ data: { updated: 0 } });
  });

  test('doubling $concatArrays stages stop at a clear error; /healthz keeps answering', async () => {
    const doubling = Array.from({ length: 26 }, () => ({
      $project: { a: { $concatArrays: ['$a', '$a'] } },
    }));
    const reply = await aggregate([{ $limit: 1 }, { $project: { a: ['x'] } }, ...doubling]);
    expect(reply).toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringMatching(/values/),
    });
    const health = await requestJson(`${emu.url}/healthz`, { method: 'GET', agent: false });
    expect(health.status).toBe(200);
  });

  test('a shared value repeated stage by stage, a huge $range and a huge $concat are refused', async () => {
    const sharing = Array.from({ length: 40 }, () => ({ $project: { a: ['$a', '$a'] } }));
    const growing = Array.from({ length: 30 }, () => ({
      $project: { s: { $concat: ['$s', '$s'] } },
    }));
    const replies = [
      await aggregate([{ $limit: 1 }, { $project: { a: ['x'] } }, ...sharing]),
      await aggregate([{ $limit: 1 }, { $project: { r: { $range: [0, 1_000_000_000] } } }]),
      await aggregate([{ $limit: 1 }, { $project: { s: 'ab' } }, ...growing]),
    ];
    for (const reply of replies) expect(reply).toMatchObject({ code: 'INVALID_PARAM' });
    const within = await aggregate([{ $limit: 1 }, { $project: { r: { $range: [0, 1000] } } }]);
    expect((names(within)[0]?.r as number[]).length).toBe(1000);
  });
});
