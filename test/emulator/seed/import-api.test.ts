/**
 * `POST /api/import` with one collection file (what the console page uploads) or a seed folder
 * under `.cloudbase/exports/`: only the named collection changes, in the mode asked for, and a
 * refused file leaves everything as it was.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseCliOptions } from '../../../emulator/src/cli-options';
import { seed, startHarness, type ConsoleHarness } from '../console-api/support';
import { seedDir } from './support';

interface ImportReply {
  ok?: boolean;
  missingFiles?: string[];
  code?: string;
  message?: string;
  collections?: Array<{ name: string; inserted: number; updated: number }>;
}

describe('POST /api/import of one collection file', () => {
  let h: ConsoleHarness;
  const ids = async (collection: string) =>
    (await h.rawDocuments(collection)).map((doc) => (JSON.parse(doc) as { _id: string })._id);
  const importFile = (body: Record<string, unknown>) =>
    h.api<ImportReply>('POST', '/api/import', body);

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.emu.stop();
  });
  beforeEach(async () => {
    await h.api('POST', '/api/reset');
    await seed(h, 'goods', [
      { _id: 'g1', name: 'old' },
      { _id: 'g2', name: 'kept' },
    ]);
    await seed(h, 'users', [{ _id: 'u1' }]);
  });

  test('upsert updates matching ids, adds the others, keeps the rest and other collections', async () => {
    const reply = await importFile({
      collection: 'goods',
      format: 'json',
      mode: 'upsert',
      content:
        '{"_id":"g1","name":"new","at":{"$date":"2024-01-01T00:00:00.000Z"}}\n{"_id":"g3"}\n',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.collections).toEqual([
      { name: 'goods', inserted: 1, updated: 1, created: false },
    ]);
    expect(await ids('goods')).toEqual(['g1', 'g2', 'g3']);
    expect(JSON.parse((await h.rawDocuments('goods'))[0] as string)).toEqual({
      _id: 'g1',
      name: 'new',
      at: { $date: { $numberLong: '1704067200000' } },
    });
    expect(await ids('users')).toEqual(['u1']);
  });

  test('a production file ID with no local file is reported', async () => {
    const fileID = 'cloud://prod-1a2b.7072-prod-1a2b-1250000000/none.png';
    const reply = await importFile({
      collection: 'pics',
      format: 'json',
      content: `${JSON.stringify({ _id: 'p1', fileID })}\n`,
    });
    expect(reply.body.missingFiles).toEqual([fileID]);
  });

  test('replace empties that collection only', async () => {
    const reply = await importFile({
      collection: 'goods',
      format: 'csv',
      mode: 'replace',
      content: '_id,price\ng9,12\n',
    });
    expect(reply.status).toBe(200);
    expect(await h.rawDocuments('goods')).toEqual(['{"_id":"g9","price":{"$numberInt":"12"}}']);
    expect(await ids('users')).toEqual(['u1']);
  });

  test('insert (the default) refuses an id already there, naming the line, and writes nothing', async () => {
    const reply = await importFile({
      collection: 'goods',
      format: 'json',
      file: 'goods.json',
      content: '{"_id":"g5"}\n{"_id":"g2"}\n',
    });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(reply.body.message).toContain('goods.json line 2');
    expect(await ids('goods')).toEqual(['g1', 'g2']);
  });

  test('a bad line is a 400 naming it; the collection stays as it was', async () => {
    const reply = await importFile({
      collection: 'goods',
      format: 'json',
      mode: 'replace',
      content: '{"_id":"g7"}\n\n{"_id": }\n',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('SEED_INVALID');
    expect(reply.body.message).toMatch(/^goods\.json line 3: not a JSON document/);
    expect(await ids('goods')).toEqual(['g1', 'g2']);
  });

  test('documents without _id get one; a new collection is created', async () => {
    const reply = await importFile({ collection: 'fresh', format: 'csv', content: 'name\na\nb\n' });
    expect(reply.body.collections).toEqual([
      { name: 'fresh', inserted: 2, updated: 0, created: true },
    ]);
    expect(reply.body.missingFiles).toEqual([]);
    for (const id of await ids('fresh')) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  test.each([
    [{ collection: '../x', format: 'json', content: '' }, 'collection must be a collection name'],
    [{ collection: 'goods', format: 'xml', content: '' }, 'format must be "json" or "csv"'],
    [{ collection: 'goods', format: 'json', content: '', mode: 'merge' }, 'mode must be one of'],
  ])('%j is refused', async (body, message) => {
    const reply = await importFile(body);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain(message);
  });
});

describe('POST /api/import of a folder', () => {
  let h: ConsoleHarness;
  const name = `seed-folder-${process.pid}`;
  let folder: string;

  beforeAll(async () => {
    h = await startHarness();
    folder = path.join(h.emu.project.dir, '.cloudbase', 'exports', name);
    cpSync(seedDir, folder, { recursive: true });
  });
  afterAll(async () => {
    await h.emu.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a seed folder under .cloudbase/exports goes into its collections; others stay', async () => {
    await seed(h, 'users', [{ _id: 'u1' }]);
    const reply = await h.api<ImportReply>('POST', '/api/import', { name });
    expect(reply.status).toBe(200);
    expect(reply.body.collections?.map((c) => [c.name, c.inserted])).toEqual([
      ['goods', 2],
      ['orders', 2],
    ]);
    expect(await h.rawDocuments('users')).toHaveLength(1);
  });

  test.each(['../..', '/etc', '..'])('the name %s is still refused', async (bad) => {
    const reply = await h.api<ImportReply>('POST', '/api/import', { name: bad });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain('one folder name');
  });
});

describe('npm start -- --seed', () => {
  test('takes any path, made absolute, and a mode', () => {
    const options = parseCliOptions(['--seed', 'some/seed', '--seed-mode', 'replace']);
    expect(options.seedDir).toBe(path.resolve('some/seed'));
    expect(options.seedMode).toBe('replace');
  });

  test.each([
    [['--seed', 'x', '--seed-mode', 'merge'], '--seed-mode must be insert, upsert, replace'],
    [['--seed-mode', 'upsert'], '--seed-mode needs --seed <dir>'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseCliOptions(argv)).toThrow(message);
  });
});
