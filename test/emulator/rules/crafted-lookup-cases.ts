/**
 * Conformance rows for crafted aggregate requests (issue 22 item 2): every stage that reads a
 * collection other than the one named is judged by that collection's `read` rule.
 */
import type { RuleCase } from './cases';
import { ME, OTHER } from './cases';
import { ejson, type Doc } from './support';

const OWNER = 'doc._openid == auth.openid';
const mixed = [
  { _id: 'm1', _openid: ME, n: 1, other: OTHER },
  { _id: 'x1', _openid: OTHER, n: 3 },
];
const secrets = [
  { _id: 's1', _openid: OTHER, phone: '13800000001' },
  { _id: 's2', _openid: ME, phone: '13800000002' },
];
const aggregate = (c: string, stages: Doc[]): Doc => ({
  action: 'database.aggregateDocuments',
  collectionName: c,
  stages: stages.map((stage) => {
    const [stageKey, value] = Object.entries(stage)[0] as [string, unknown];
    return { stageKey, stageValue: ejson(value) };
  }),
});
const mine = { $match: { _openid: '{openid}' } };

export const LOOKUP_CASES: RuleCase[] = [
  // --- 2. every stage that reads another collection is judged ---
  {
    name: 'crafted: $lookup (pipeline form) is judged by the foreign collection’s read rule',
    source: 'issue 22 item 2',
    rule: { read: OWNER },
    extraRules: { sec_a: { read: false } },
    extra: { sec_a: secrets },
    docs: mixed,
    run: (_db, c, raw) =>
      raw(aggregate(c, [mine, { $lookup: { from: 'sec_a', pipeline: [], as: 's' } }])),
    expect: 'denied',
  },
  {
    name: 'crafted: $lookup (localField form) is judged by the foreign collection’s read rule',
    source: 'issue 22 item 2',
    rule: { read: OWNER },
    extraRules: { sec_b: { read: OWNER } },
    extra: { sec_b: secrets },
    docs: mixed,
    run: (_db, c, raw) =>
      raw(
        aggregate(c, [
          mine,
          { $lookup: { from: 'sec_b', localField: 'other', foreignField: '_openid', as: 's' } },
        ]),
      ),
    expect: 'denied',
  },
  {
    name: 'crafted: $unionWith, $graphLookup and $facet sub-pipelines are judged',
    source: 'issue 22 item 2',
    rule: { read: OWNER },
    extraRules: { sec_c: { read: OWNER } },
    extra: { sec_c: secrets },
    docs: mixed,
    run: async (_db, c, raw) => {
      const attempts = [
        [mine, { $unionWith: 'sec_c' }],
        [mine, { $unionWith: { coll: 'sec_c', pipeline: [{ $match: { phone: { $gt: '' } } }] } }],
        [
          mine,
          {
            $graphLookup: {
              from: 'sec_c',
              startWith: '$other',
              connectFromField: '_openid',
              connectToField: '_openid',
              as: 's',
            },
          },
        ],
        [mine, { $facet: { a: [{ $lookup: { from: 'sec_c', pipeline: [], as: 's' } }] } }],
        [
          mine,
          {
            $lookup: {
              from: c,
              pipeline: [mine, { $lookup: { from: 'sec_c', pipeline: [], as: 's' } }],
              as: 'x',
            },
          },
        ],
        [mine, { $out: 'sec_c' }],
      ];
      const refused: string[] = [];
      for (const stages of attempts) {
        await raw(aggregate(c, stages)).catch((error: { errCode?: number }) => {
          if (error.errCode === -502003) refused.push(Object.keys(stages[1] as Doc)[0] as string);
        });
      }
      return refused;
    },
    expect: (refused) =>
      expect(refused).toEqual([
        '$unionWith',
        '$unionWith',
        '$graphLookup',
        '$facet',
        '$lookup',
        '$out',
      ]),
  },
  {
    name: 'crafted: a $lookup whose sub-pipeline is a subset of the foreign rule is allowed',
    source: 'issue 22 item 2',
    rule: { read: OWNER },
    extraRules: { sec_d: { read: OWNER } },
    extra: { sec_d: secrets },
    docs: mixed,
    run: (_db, c, raw) =>
      raw(aggregate(c, [mine, { $lookup: { from: 'sec_d', pipeline: [mine], as: 's' } }])),
    expect: (v: { data: { list: string[] } }) => {
      const list = v.data.list.map((text) => JSON.parse(text) as { s: Doc[] });
      expect(list.map((d) => d.s.map((s) => s._id))).toEqual([['s2']]);
    },
  },
  {
    name: 'crafted: a PRIVATE foreign collection is narrowed to the caller’s documents',
    source: 'issue 22 item 2; console presets [H]',
    rule: { read: OWNER },
    extraRules: { sec_e: 'PRIVATE' },
    extra: { sec_e: secrets },
    docs: mixed,
    run: (_db, c, raw) =>
      raw(aggregate(c, [mine, { $lookup: { from: 'sec_e', pipeline: [], as: 's' } }])),
    expect: (v: { data: { list: string[] } }) => {
      const list = v.data.list.map((text) => JSON.parse(text) as { s: Doc[] });
      expect(list.map((d) => d.s.map((s) => s._id))).toEqual([['s2']]);
    },
  },
];
