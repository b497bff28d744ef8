import { ejson, tempDir, testDatabase } from './helpers';

/**
 * The lookups a login system makes on every call must not slow down as data grows:
 * `doc(id).get()` (primary key) and `where({_openid}).get()` (expression index) at 100,000
 * documents stay within 3x of 1,000 documents. Medians of many calls, to ride out noise.
 */
const SMALL = 1_000;
const LARGE = 100_000;
const CALLS = 400;

async function medians(size: number): Promise<{ byId: number; byOpenid: number }> {
  const t = testDatabase({ dataDir: tempDir('db-scale-') });
  await t.call('addCollection', { collectionName: 'sessions' });
  for (let i = 0; i < size; i += 1000) {
    const batch = Array.from({ length: 1000 }, (_, j) => ({
      _id: `s${i + j}`,
      _openid: `o${i + j}`,
      tokenHash: `h${i + j}`,
      n: i + j,
    }));
    await t.insert('sessions', batch);
  }
  const time = async (make: (i: number) => Record<string, unknown>): Promise<number> => {
    const samples: number[] = [];
    for (let i = 0; i < CALLS; i += 1) {
      const body = make((i * 7919) % size);
      const started = process.hrtime.bigint();
      const reply = await t.db.handle(body);
      samples.push(Number(process.hrtime.bigint() - started));
      if (reply.code) throw new Error(JSON.stringify(reply));
    }
    return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  };
  const byId = await time((i) => ({
    action: 'database.getDocument',
    collectionName: 'sessions',
    queryType: 'DOC',
    query: ejson({ _id: `s${i}` }),
  }));
  const byOpenid = await time((i) => ({
    action: 'database.getDocument',
    collectionName: 'sessions',
    queryType: 'WHERE',
    query: ejson({ _openid: `o${i}` }),
    limit: 100,
  }));
  t.db.close();
  return { byId, byOpenid };
}

describe('database scaling', () => {
  test('id and _openid lookups at 100k documents stay within 3x of 1k', async () => {
    const small = await medians(SMALL);
    const large = await medians(LARGE);
    const ratios = { byId: large.byId / small.byId, byOpenid: large.byOpenid / small.byOpenid };
    expect(ratios.byId).toBeLessThan(3);
    expect(ratios.byOpenid).toBeLessThan(3);
    // Sub-millisecond simple operations (median, in nanoseconds).
    expect(large.byId).toBeLessThan(1_000_000);
    expect(large.byOpenid).toBeLessThan(1_000_000);
  }, 120_000);
});
