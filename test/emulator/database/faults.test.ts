/** Fault injection: targeted, before or after execution, counted; latency without a stopwatch. */
import { applyFaults, checkFaults, NO_FAULTS } from '../../../emulator/src/database/faults';
import { testDatabase } from './helpers';

test('latency holds a request until the configured time has passed (fake clock)', async () => {
  jest.useFakeTimers();
  try {
    let settled = false;
    const pending = applyFaults({ latencyMs: 200, faultRate: 0 }).then((failed) => {
      settled = true;
      return failed;
    });
    await jest.advanceTimersByTimeAsync(199);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(await pending).toBe(false);
  } finally {
    jest.useRealTimers();
  }
});

test('a fault only hits the targeted action and collection', async () => {
  const t = testDatabase();
  await t.call('addCollection', { collectionName: 'a' });
  await t.call('addCollection', { collectionName: 'b' });
  t.db.setFaults({ faultRate: 1, action: 'database.insertDocument', collection: 'a' });
  expect((await t.insert('a', [{ _id: 'x' }])).code).toBe('SYS_ERR');
  expect((await t.insert('b', [{ _id: 'x' }])).code).toBeUndefined();
  expect((await t.where('a')).code).toBeUndefined();
  t.db.setFaults({ faultRate: 0 });
  expect(t.list(await t.where('a'))).toEqual([]);
  expect(t.db.stats().faultsInjected).toBe(1);
  t.db.close();
});

test('when "after": the write happens, the reply is lost', async () => {
  const t = testDatabase();
  await t.call('addCollection', { collectionName: 'a' });
  t.db.setFaults({ faultRate: 1, when: 'after' });
  expect((await t.insert('a', [{ _id: 'x', v: 1 }])).code).toBe('SYS_ERR');
  t.db.setFaults({ faultRate: 0 });
  expect(t.list(await t.where('a'))).toEqual([{ _id: 'x', v: 1 }]);
  expect(t.db.stats().faultsInjected).toBe(1);
  t.db.close();
});

test('bad settings are refused with what is allowed', () => {
  expect(() => checkFaults({ latencyMs: 60_001 }, NO_FAULTS)).toThrow('between 0 and 60000');
  expect(() => checkFaults({ faultRate: 2 }, NO_FAULTS)).toThrow('faultRate');
  expect(() => checkFaults({ action: 3 as unknown as string }, NO_FAULTS)).toThrow('action');
  expect(() => checkFaults({ when: 'later' as 'after' }, NO_FAULTS)).toThrow('when');
});
