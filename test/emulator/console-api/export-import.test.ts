import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Double, Int32, Long, ObjectId } from 'bson';
import { startEmulator } from '../../../emulator/src/index';
import { seed, startHarness, type ConsoleHarness } from './support';

describe('console API: export now, import, reset', () => {
  let h: ConsoleHarness;
  const cleanup: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.emu.stop();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  const collections = ['users', 'sessions', 'empty'];

  async function snapshot(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const name of collections) out[name] = await h.rawDocuments(name);
    return out;
  }

  test('an export imported again gives back identical data, Extended JSON types included', async () => {
    await seed(h, 'users', [
      {
        _id: 'o-user-1',
        nickName: '张三',
        createdAt: new Date('2024-02-29T12:34:56.789Z'),
        loginCount: new Int32(3),
        score: new Double(2.5),
        big: Long.fromString('9007199254740993'),
        ref: new ObjectId('65f000000000000000000001'),
        tags: ['a', 'b'],
        nested: { deep: { x: null } },
      },
      { _id: 'o-user-2', nickName: 'second' },
    ]);
    await seed(h, 'sessions', [{ _id: 'hash-1', openid: 'o-user-1', expiresAt: new Date(0) }]);
    await h.admin({ action: 'database.addCollection', collectionName: 'empty' });
    const before = await snapshot();

    const name = `export-1-${process.pid}`;
    const dir = path.join(h.emu.project.dir, '.cloudbase', 'exports', name);
    cleanup.push(dir);
    const exported = await h.api<{ dir: string; collections: { name: string; count: number }[] }>(
      'POST',
      '/api/export',
      { name },
    );
    expect(exported.status).toBe(200);
    // Answers name the folder relative to the project, never this machine's paths.
    expect(exported.body.dir).toBe(`.cloudbase/exports/${name}`);
    expect(readdirSync(dir).sort()).toEqual([
      'empty.jsonl',
      'manifest.json',
      'sessions.jsonl',
      'users.jsonl',
    ]);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      collections: { name: string; count: number }[];
    };
    expect(manifest.collections.map((c) => [c.name, c.count]).sort()).toEqual([
      ['empty', 0],
      ['sessions', 1],
      ['users', 2],
    ]);
    // One canonical Extended JSON document per line.
    expect(readFileSync(path.join(dir, 'users.jsonl'), 'utf8')).toContain(
      '"$date":{"$numberLong":"1709210096789"}',
    );

    expect((await h.api('POST', '/api/reset')).status).toBe(200);
    expect(
      (await h.api<{ collections: unknown[] }>('GET', '/api/collections')).body.collections,
    ).toEqual([]);

    expect((await h.api('POST', '/api/import', { name })).status).toBe(200);
    expect(await snapshot()).toEqual(before);

    // The same export loads at start (--import) into a fresh emulator with identical data.
    const other = await startEmulator({ inMemory: true, port: 0, importDir: dir });
    try {
      for (const name of collections) {
        const reply = await other.database.handle({
          action: 'database.getDocument',
          collectionName: name,
          queryType: 'WHERE',
          limit: 1000,
        });
        expect((reply as { data: { list: string[] } }).data.list).toEqual(before[name]);
      }
    } finally {
      await other.stop();
    }
  });

  test('export without a directory writes under .cloudbase/exports of the project', async () => {
    const reply = await h.api<{ dir: string }>('POST', '/api/export', {});
    const dir = path.join(h.emu.project.dir, reply.body.dir);
    cleanup.push(dir);
    expect(reply.status).toBe(200);
    expect(reply.body.dir).toMatch(/^\.cloudbase\/exports\/\d{4}-/);
    expect(readdirSync(dir)).toContain('manifest.json');
  });

  test('importing a folder that is not an export is refused with 400 and keeps the data', async () => {
    const countBefore = (await h.rawDocuments('users')).length;
    const reply = await h.api<{ code: string; message: string }>('POST', '/api/import', {
      name: `nothing-${process.pid}`,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('INVALID_PARAM');
    expect(reply.body.message).not.toContain(h.emu.project.dir);
    expect(await h.rawDocuments('users')).toHaveLength(countBefore);
  });

  test('reset clears all data and statistics in one call', async () => {
    await seed(h, 'extra', [{ a: 1 }]);
    const login = await h.emu.callFunction('login', {}, { openid: 'o-reset-1' });
    expect(login.ok).toBe(true);
    const before = await h.api<{ collections: unknown[] }>('GET', '/api/collections');
    expect(before.body.collections.length).toBeGreaterThan(0);

    expect((await h.api('POST', '/api/reset')).body).toEqual({ ok: true });
    expect(
      (await h.api<{ collections: unknown[] }>('GET', '/api/collections')).body.collections,
    ).toEqual([]);
    const stats = await h.api<{ calls: number }>('GET', '/api/stats');
    // Listing collections reads the store directly, so nothing has been counted since the reset.
    expect(stats.body.calls).toBe(0);
  });
});
