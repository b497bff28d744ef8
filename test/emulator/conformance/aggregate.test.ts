import { useConformance } from './support';

describe('conformance: aggregate()', () => {
  const c = useConformance();

  test('$match $group $sort $skip $limit $project $count $unwind $lookup $addFields $sample', async () => {
    const users = await c.collection();
    const orders = await c.collection();
    const out = await c.value<Record<string, unknown>>(
      `await db.collection('${users}').add({ data: [{ _id: 'u1', name: 'Ann' }, { _id: 'u2', name: 'Bo' }] })`,
      `await db.collection('${orders}').add({ data: [
         { user: 'u1', total: 5, items: ['a', 'b'] }, { user: 'u1', total: 7, items: ['c'] }, { user: 'u2', total: 1, items: [] }] })`,
      `const col = db.collection('${orders}');
       const grouped = await col.aggregate()
         .match({ total: _.gt(0) })
         .group({ _id: '$user', sum: $.sum('$total'), n: $.sum(1) })
         .lookup({ from: '${users}', localField: '_id', foreignField: '_id', as: 'who' })
         .unwind('$who')
         .addFields({ name: '$who.name' })
         .project({ who: 0 })
         .sort({ sum: -1 })
         .skip(0)
         .limit(10)
         .end();
       const counted = await col.aggregate().unwind('$items').count('n').end();
       const sampled = await col.aggregate().sample({ size: 2 }).end();
       return { grouped: grouped.list, counted: counted.list, sampled: sampled.list.length, errMsg: grouped.errMsg }`,
    );
    expect(out).toEqual({
      grouped: [
        { _id: 'u1', sum: 12, n: 2, name: 'Ann' },
        { _id: 'u2', sum: 1, n: 1, name: 'Bo' },
      ],
      counted: [{ n: 3 }],
      sampled: 2,
      errMsg: 'collection.aggregate:ok',
    });
  });
});
