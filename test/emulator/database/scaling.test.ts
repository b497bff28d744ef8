import { Store } from '../../../emulator/src/database/store';
import { pushdownOf } from '../../../emulator/src/database/query-pushdown';

/**
 * The lookups a login system makes on every call must not slow down as data grows. Checked by
 * behaviour, not a stopwatch: `doc(id)` and `where({_openid})` are answered from an index
 * (SQLite's query plan) and examine only the matching rows. The timings at 1,000 and 100,000
 * documents are in the benchmark (`npm run bench`, bench/db-scaling.ts).
 */
const DOCS = 5_000;

describe('indexed lookups', () => {
  const store = new Store({ inMemory: true });
  store.create('sessions');
  const table = store.table('sessions');
  store.transaction(() => {
    for (let i = 0; i < DOCS; i += 1) {
      table.insert(`s${i}`, { _id: `s${i}`, _openid: `o${i}`, n: i });
    }
  });
  afterAll(() => store.close());

  test('doc(id): a primary-key search that examines one row', () => {
    const pushdown = pushdownOf({ _id: 's4321' });
    expect(table.queryPlan(pushdown).join('\n')).toMatch(
      /SEARCH .* USING (INTEGER )?PRIMARY KEY|SEARCH .* USING INDEX sqlite_autoindex/,
    );
    expect([...table.scan(pushdown)].map((doc) => doc._id)).toEqual(['s4321']);
  });

  test('where({_openid}): an index search that examines only the matching row', () => {
    const pushdown = pushdownOf({ _openid: 'o1234' });
    const plan = table.queryPlan(pushdown).join('\n');
    expect(plan).toMatch(/USING INDEX ix_\w+__openid_v/);
    expect(plan).not.toMatch(/^SCAN /m);
    expect([...table.scan(pushdown)].map((doc) => doc._id)).toEqual(['s1234']);
  });

  test('where({_id: _.in([...])}): a primary-key search per id, in natural order', () => {
    const pushdown = pushdownOf({ _id: { $in: ['s4321', 's12', 'missing'] } });
    const plan = table.queryPlan(pushdown).join('\n');
    expect(plan).toMatch(/SEARCH .* USING (INTEGER )?PRIMARY KEY|USING INDEX sqlite_autoindex/);
    expect(plan).not.toMatch(/^SCAN /m);
    expect([...table.scan(pushdown)].map((doc) => doc._id)).toEqual(['s12', 's4321']);
  });

  test('an unindexable filter scans (the check above can tell the difference)', () => {
    expect(table.queryPlan(undefined).join('\n')).toMatch(/^SCAN /m);
    expect([...table.scan(undefined)]).toHaveLength(DOCS);
  });
});
