import type { Database } from '../../../emulator/src/database';
import { useConformance } from './support';

/** The emulator hands the database module to startEmulator's caller; it has stats(). */
function isDatabase(value: unknown): value is Database {
  return typeof (value as { stats?: unknown }).stats === 'function';
}

describe('conformance: per-invocation statistics', () => {
  const c = useConformance();

  test('every SDK call is attributed to the invocation (and function) that made it', async () => {
    const name = await c.collection();
    const database = c.emulator().database;
    if (!isDatabase(database)) throw new Error('emulator database has no stats()');
    const reply = await c.emulator().callFunction(
      'sdk',
      {
        steps: [
          `await db.collection('${name}').add({ data: { a: 1 } }); return (await db.collection('${name}').where({ a: 1 }).get()).data.length`,
        ],
      },
      { openid: 'o-stats' },
    );
    expect(reply.result).toEqual([{ ok: true, value: 1 }]);
    const entry = database.stats().byInvocation[reply.requestID ?? ''];
    expect(entry).toEqual({
      functionName: 'sdk',
      calls: 2,
      byAction: { 'database.insertDocument': 1, 'database.getDocument': 1 },
      // add() then get(): one after the other.
      rounds: 2,
    });
  });
});
