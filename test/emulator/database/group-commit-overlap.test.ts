// Group commit with the disk held still: fdatasync is replaced by one whose completion the test
// controls, so "a commit made while a sync is already running" is an explicit state, not a race
// against the disk. Such a commit must wait for a sync of its own (issue 22 item 7: mutation
// testing found that settling every waiter on the first sync left all tests green).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GroupCommit } from '../../../emulator/src/database/group-commit';
import { tempDir } from './helpers';

const syncs: Array<(error: Error | null) => void> = [];

jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return {
    ...actual,
    fdatasync: (_fd: number, done: (error: Error | null) => void) => syncs.push(done),
  };
});

/** Lets the event loop turn until `ready()` holds (bounded: a stuck class fails, never hangs). */
async function turnsUntil(ready: () => boolean): Promise<boolean> {
  for (let i = 0; i < 100 && !ready(); i++) await new Promise((r) => setImmediate(r));
  return ready();
}

test('a commit made while a sync runs is acknowledged only after a sync of its own', async () => {
  const wal = join(tempDir(), 'database.sqlite-wal');
  writeFileSync(wal, 'wal');
  const commits = new GroupCommit(wal);
  const acked: string[] = [];

  commits.noteCommit();
  void commits.durable()?.then(() => acked.push('first'));
  expect(await turnsUntil(() => syncs.length === 1)).toBe(true);

  // The first sync is running (held by the test); a second commit arrives now.
  commits.noteCommit();
  void commits.durable()?.then(() => acked.push('second'));
  syncs.shift()?.(null);
  await turnsUntil(() => acked.length > 0);
  expect(acked).toEqual(['first']);

  // Its own sync follows; only when that one completes is the second commit acknowledged.
  expect(await turnsUntil(() => syncs.length === 1)).toBe(true);
  expect(acked).toEqual(['first']);
  syncs.shift()?.(null);
  expect(await turnsUntil(() => acked.length === 2)).toBe(true);
  expect(acked).toEqual(['first', 'second']);
  expect(commits.stats()).toEqual({ syncs: 2, commits: 2 });
  commits.close();
});
