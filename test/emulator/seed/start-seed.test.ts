/**
 * `--seed <dir>` at start: the cloud console's export files go into their collections, storage
 * files keep the production file IDs the documents name, and cloudbaserc.json `databases[]`
 * exist; all read back by the real wx-server-sdk inside a function.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isStartError, startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { seedDir, seedFolder, seedProject, type ShopAnswer } from './support';

describe('a project started with --seed', () => {
  let emu: RunningEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ project: seedProject, port: 0, seedDir });
  });
  afterAll(async () => {
    await emu.stop();
  });

  test('functions read the JSON lines and CSV documents with their types', async () => {
    const reply = await emu.callFunction('shop', {}, { openid: 'o-user-1' });
    expect(reply.errMsg).toBeUndefined();
    const answer = reply.result as ShopAnswer;
    expect(answer.goods).toEqual([
      {
        _id: 'g-apple',
        _openid: 'o-admin',
        name: '苹果',
        price: 5.5,
        createdAt: '2024-03-01T08:00:00.000Z',
        isDate: true,
        image: 'cloud://prod-7g8h.7072-prod-7g8h-1318765432/goods/apple.png',
      },
      {
        _id: 'g-pear',
        name: '梨',
        price: 3,
        createdAt: '2024-03-02T08:00:00.000Z',
        isDate: true,
        tags: ['水果', '当季'],
      },
    ]);
    // CSV: numbers become numbers, `buyer.openid` a nested field, an empty cell no field.
    expect(answer.orders).toEqual([
      {
        _id: 'o-1',
        goodsId: 'g-apple',
        count: 2,
        status: 0,
        buyer: { openid: 'o-user-1' },
        note: '少放糖, 谢谢',
      },
      { _id: 'o-2', goodsId: 'g-pear', count: 1, status: 1, buyer: { openid: 'o-user-2' } },
    ]);
  });

  test('the production file ID a seeded document names downloads the seeded file', async () => {
    const answer = (await emu.callFunction('shop', {}, { openid: 'o-user-1' }))
      .result as ShopAnswer;
    const picture = readFileSync(path.join(seedDir, 'storage', 'goods', 'apple.png'));
    expect(Buffer.from(answer.picture, 'base64').equals(picture)).toBe(true);
    expect(answer.tempUrlStatus).toBe(0);
  });

  test('collections cloudbaserc.json lists exist before anything writes them', async () => {
    const answer = (await emu.callFunction('shop', {}, { openid: 'o-user-1' }))
      .result as ShopAnswer;
    expect(answer.feedback).toBe(0);
    expect(emu.database.listCollections().map((c) => c.name)).toEqual(
      expect.arrayContaining(['goods', 'feedback', 'orders']),
    );
  });
});

test('after a restart without --seed, seeded documents still resolve their production file IDs', async () => {
  const folder = seedFolder({});
  const dataDir = path.join(folder.dir, 'data');
  try {
    const first = await startEmulator({ project: seedProject, port: 0, dataDir, seedDir });
    await first.stop();
    const again = await startEmulator({ project: seedProject, port: 0, dataDir });
    try {
      const reply = await again.callFunction('shop', {}, { openid: 'o-user-1' });
      expect(reply.errMsg).toBeUndefined();
      const picture = readFileSync(path.join(seedDir, 'storage', 'goods', 'apple.png'));
      expect(Buffer.from((reply.result as ShopAnswer).picture, 'base64').equals(picture)).toBe(
        true,
      );
    } finally {
      await again.stop();
    }
  } finally {
    folder.remove();
  }
});

describe('a seed that cannot be imported', () => {
  test('stops the start with the file and line, and writes nothing', async () => {
    const folder = seedFolder({
      'a_first.json': '{"_id":"x","n":1}\n',
      'goods.json': '{"_id":"g1","name":"ok"}\n{"_id":"g2","name": oops}\n',
    });
    const dataDir = path.join(folder.dir, 'data');
    try {
      const error: unknown = await startEmulator({
        project: seedProject,
        port: 0,
        dataDir,
        seedDir: folder.dir,
      }).then(
        async (started) => started.stop(), // a start that should have failed must not linger
        (e: unknown) => e,
      );
      expect(isStartError(error)).toBe(true);
      expect((error as Error).message).toContain('goods.json line 2: not a JSON document');
      // The data folder holds no seeded collection afterwards: the first file was not written either.
      const emu = await startEmulator({ project: seedProject, port: 0, dataDir });
      try {
        const collections = emu.database.listCollections();
        expect(collections.map((c) => c.name)).not.toContain('a_first');
        // goods exists (cloudbaserc.json lists it) but holds none of the refused file's lines.
        expect(collections.find((c) => c.name === 'goods')?.count).toBe(0);
      } finally {
        await emu.stop();
      }
    } finally {
      folder.remove();
    }
  });

  test.each([
    ['bad.json', '{"_id":"a","x.":1}\n', 'bad.json line 1: field name "x." starts or ends'],
    [
      'bad.json',
      '{"_id":"a","a":{"b":1},"a.b":2}\n',
      'bad.json line 1: field "a.b" is given twice',
    ],
    ['bad.json', '[1,2]\n', 'bad.json line 1: a line must hold one object'],
    ['bad.csv', 'a,b\n1,2\n3,"4\n', 'bad.csv line 3: not valid CSV'],
    ['bad.csv', 'a,a\n1,2\n', 'bad.csv line 1: the header row names a field twice'],
    ['bad name!.json', '{}\n', '"bad name!" is not a collection name'],
  ])('%s holding %j is refused: %s', async (file, content, reason) => {
    const folder = seedFolder({ [file]: content });
    try {
      await expect(
        startEmulator({ project: seedProject, port: 0, seedDir: folder.dir }),
      ).rejects.toThrow(reason);
    } finally {
      folder.remove();
    }
  });

  test('a databases[] entry without a collection name stops the start, naming it', async () => {
    const folder = seedFolder({
      'cloudbaserc.json': JSON.stringify({ envId: 'x', databases: [{ collectionName: 'ok' }, {}] }),
    });
    try {
      await expect(startEmulator({ project: folder.dir, port: 0 })).rejects.toThrow(
        'cloudbaserc.json: databases[1].collectionName is not a collection name',
      );
    } finally {
      folder.remove();
    }
  });

  test('--seed naming no folder says so', async () => {
    await expect(
      startEmulator({ project: seedProject, port: 0, seedDir: path.join(seedDir, 'nope') }),
    ).rejects.toThrow('is not a folder');
  });
});
