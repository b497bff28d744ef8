/**
 * Hostile queries (issue 10): a catastrophic regex, a huge $in, an exploding aggregate. The
 * process keeps serving (/healthz) and each gets a clear INVALID_PARAM instead of hanging.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { requestJson } from '../../../emulator/src/http/json-client';

let emu: RunningEmulator;
/** V8 needs ~1 s for this pattern at 26 characters and ~4x more per 2 more: hours at 40. */
const HOSTILE = 'a'.repeat(40) + '!';
/** Far above what /healthz needs; the old engine stalled it for hours at this input. */
const HEALTH_BOUND_MS = 2000;

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
  const started = process.hrtime.bigint();
  const hostile = Promise.all([
    where({ name: { $regex: '^(a+)+$' } }),
    where({ name: { $regularExpression: { pattern: '^(a|aa)+$', options: '' } } }),
    where({ tags: { $elemMatch: { $regex: '^(a+)+$' } } }),
    where({ $or: [{ name: { $not: { $regex: '^(a+)+$', $options: 'i' } } }] }),
  ]);
  const health = await requestJson(`${emu.url}/healthz`, { method: 'GET', agent: false });
  const healthMs = Number(process.hrtime.bigint() - started) / 1e6;
  expect(health.status).toBe(200);
  expect(healthMs).toBeLessThan(HEALTH_BOUND_MS);
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
