/**
 * Security rules conformance, table-driven (cases.ts): every case runs through the bridge's
 * client database (the real @cloudbase/database builder) against a real emulator, once with
 * `--rules-doc-id strict` (the default) and once with `read-then-check`. The switch must change
 * exactly the doc(id) cases that say so.
 */
import { ARRAY_CASES } from './array-cases';
import { CASES as BUILDER_CASES, ME, type Expectation, type RuleCase } from './cases';
import { CRAFTED_CASES } from './crafted-cases';
import { LOOKUP_CASES } from './crafted-lookup-cases';
import { outcomeOf, startRulesHarness, type Outcome, type RulesHarness } from './support';

const CASES = [...BUILDER_CASES, ...CRAFTED_CASES, ...LOOKUP_CASES, ...ARRAY_CASES];
const collectionOf = (i: number) => `k${i}`;
const rules = Object.fromEntries([
  ...CASES.map((c, i) => [collectionOf(i), c.rule]),
  ...CASES.flatMap((c) => Object.entries(c.extraRules ?? {})),
]);
const observed: Record<'strict' | 'read-then-check', Outcome[]> = {
  strict: [],
  'read-then-check': [],
};

function check(
  expectation: Expectation,
  outcome: Outcome,
  stored: Record<string, unknown>[],
): void {
  if (expectation === 'denied' || expectation === 'acl') {
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errCode).toBe(-502003);
    if (expectation === 'denied') expect(outcome.errMsg).toBe('Permission denied');
    else
      expect(outcome.errMsg).toMatch(
        /^Permission Denied: Your operation is not allowed base on the ACL tag \(\w+\)$/,
      );
    return;
  }
  if (typeof expectation === 'object') {
    expect(outcome.ok ? 'resolved' : outcome.errMsg).toMatch(expectation.rejects);
    return;
  }
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.errCode} ${outcome.errMsg}`);
  expectation(outcome.value, stored);
}

async function runCase(
  h: RulesHarness,
  c: RuleCase,
  i: number,
): Promise<{ outcome: Outcome; stored: Record<string, unknown>[] }> {
  const collection = collectionOf(i);
  for (const [name, docs] of Object.entries(c.extra ?? {})) await h.seed(name, docs);
  await h.seed(collection, c.docs ?? []);
  const before = await h.all(collection);
  const outcome = await outcomeOf(() => c.run(h.db(c.as ?? ME), collection, h.raw(c.as ?? ME)));
  const stored = await h.all(collection);
  // A refused request leaves stored data untouched.
  if (!outcome.ok) expect(stored).toEqual(before);
  return { outcome, stored };
}

describe.each(['strict', 'read-then-check'] as const)(
  'rules conformance (--rules-doc-id %s)',
  (mode) => {
    let h: RulesHarness;
    beforeAll(async () => {
      h = await startRulesHarness(rules, { docIdMode: mode });
    });
    afterAll(async () => {
      await h?.stop();
    });

    test.each(CASES.map((c, i) => [c.name, c.source, i] as const))(
      '%s (%s)',
      async (_name, _source, i) => {
        const c = CASES[i] as RuleCase;
        const { outcome, stored } = await runCase(h, c, i);
        observed[mode][i] = outcome;
        check(
          mode === 'read-then-check' && c.readThenCheck ? c.readThenCheck : c.expect,
          outcome,
          stored,
        );
      },
    );
  },
);

test('the switch changes exactly the doc(id) cases that say so', () => {
  const changed = CASES.map((c, i) => ({ c, i }))
    .filter(({ i }) => observed.strict[i] && observed['read-then-check'][i])
    .filter(({ i }) => observed.strict[i]?.ok !== observed['read-then-check'][i]?.ok)
    .map(({ c }) => c.name);
  const declared = CASES.filter((c) => c.readThenCheck !== undefined).map((c) => c.name);
  expect(observed.strict.filter(Boolean)).toHaveLength(CASES.length);
  expect(changed).toEqual(declared);
  expect(CASES.filter((c) => c.readThenCheck && !c.docId)).toEqual([]);
});
