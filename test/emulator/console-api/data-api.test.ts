import { seed, startHarness, type ConsoleHarness } from './support';

interface Page {
  total: number;
  offset: number;
  limit: number;
  documents: Record<string, unknown>[];
}

const docs = [
  {
    _id: 'u1',
    nickName: 'Ann',
    loginCount: 1,
    profile: { city: '上海', tags: ['x'] },
    at: new Date('2024-01-01T00:00:00Z'),
  },
  { _id: 'u2', nickName: 'Bob', loginCount: 5, profile: { city: '北京' } },
  { _id: 'u3', nickName: 'Cat', loginCount: 9, profile: { city: '上海', extra: true } },
];

function query(filter: unknown, extra = ''): string {
  return `/api/collections/people/documents?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
}

describe('console API: collections and documents', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startHarness();
    await seed(h, 'people', docs);
  });
  afterAll(async () => {
    await h.emu.stop();
  });

  test('collections are listed with their document counts', async () => {
    const reply = await h.api<{ collections: unknown[] }>('GET', '/api/collections');
    expect(reply.body.collections).toEqual([{ name: 'people', count: 3 }]);
  });

  test('a nested filter has where() semantics: dot paths, so extra fields still match', async () => {
    // A plain MongoDB equality on `profile` would match neither u1 (tags) nor u3 (extra).
    const reply = await h.api<Page>('GET', query({ profile: { city: '上海' } }));
    expect(reply.status).toBe(200);
    expect(reply.body.documents.map((d) => d._id)).toEqual(['u1', 'u3']);
    expect(reply.body.total).toBe(2);
  });

  test('operators, sorting and paging', async () => {
    const page = await h.api<Page>(
      'GET',
      query({ loginCount: { $gte: 5 } }, '&sort=loginCount&order=desc&limit=1'),
    );
    expect(page.body).toMatchObject({ total: 2, offset: 0, limit: 1 });
    expect(page.body.documents.map((d) => d._id)).toEqual(['u3']);
    const next = await h.api<Page>(
      'GET',
      query({ loginCount: { $gte: 5 } }, '&sort=loginCount&order=desc&limit=1&offset=1'),
    );
    expect(next.body.documents.map((d) => d._id)).toEqual(['u2']);
    const all = await h.api<Page>('GET', '/api/collections/people/documents?limit=5000');
    expect(all.body.limit).toBe(1000); // clamped to the protocol's maximum
  });

  test('dates come back as readable relaxed Extended JSON and can be filtered on', async () => {
    const reply = await h.api<Page>(
      'GET',
      query({ at: { $gte: { $date: '2023-12-31T00:00:00Z' } } }),
    );
    expect(reply.body.documents).toHaveLength(1);
    expect(reply.body.documents[0]?.at).toEqual({ $date: '2024-01-01T00:00:00Z' });
  });

  test('a filter that is not JSON is a 400 with a message', async () => {
    const reply = await h.api<{ message: string }>(
      'GET',
      '/api/collections/people/documents?filter=' + encodeURIComponent('{nickName:'),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/filter is not valid JSON/);
  });

  test('get, replace and delete one document', async () => {
    const got = await h.api<{ document: Record<string, unknown> }>(
      'GET',
      '/api/collections/people/documents/u2',
    );
    expect(got.body.document).toEqual({
      _id: 'u2',
      nickName: 'Bob',
      loginCount: 5,
      profile: { city: '北京' },
    });

    const edited = {
      ...got.body.document,
      nickName: 'Bobby',
      seen: { $date: '2025-05-05T05:05:05.000Z' },
    };
    expect((await h.api('PUT', '/api/collections/people/documents/u2', edited)).body).toEqual({
      updated: 1,
    });
    // The change is visible to functions: read back through the admin protocol as canonical EJSON.
    const raw = await h.rawDocuments('people');
    expect(raw.find((d) => d.includes('"u2"'))).toContain(
      '"seen":{"$date":{"$numberLong":"1746421505000"}}',
    );

    expect((await h.api('DELETE', '/api/collections/people/documents/u2')).body).toEqual({
      deleted: 1,
    });
    const gone = await h.api<{ code: string }>('GET', '/api/collections/people/documents/u2');
    expect(gone.status).toBe(404);
    expect((await h.api<Page>('GET', '/api/collections/people/documents')).body.total).toBe(2);
  });

  test('create and drop a collection', async () => {
    expect((await h.api('POST', '/api/collections', { name: 'made' })).status).toBe(200);
    const dup = await h.api<{ code: string }>('POST', '/api/collections', {
      name: 'made',
    });
    expect(dup.status).toBe(409);
    expect((await h.api<Page>('GET', '/api/collections/made/documents')).body.total).toBe(0);
    expect((await h.api('DELETE', '/api/collections/made')).status).toBe(200);
    const missing = await h.api<{ code: string }>('GET', '/api/collections/made/documents');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });

  test('unknown paths and methods under /api answer JSON errors', async () => {
    expect((await h.api('GET', '/api/nothing-here')).status).toBe(404);
    expect((await h.api('PUT', '/api/collections')).status).toBe(405);
    const bad = await fetch(`${h.emu.url}/api/collections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
  });

  test('changes from another site are refused; same-origin pages and tools without Origin pass', async () => {
    const create = (origin?: string, type = 'application/json') =>
      fetch(`${h.emu.url}/api/collections`, {
        method: 'POST',
        headers: { 'content-type': type, ...(origin ? { origin } : {}) },
        body: JSON.stringify({ name: `made-${Math.random().toString(36).slice(2)}` }),
      });
    expect((await create('https://evil.example')).status).toBe(403);
    expect((await create('null')).status).toBe(403);
    expect((await create(h.emu.url)).status).toBe(200);
    expect((await create()).status).toBe(200);
    // text/plain is what a page elsewhere can send without a CORS preflight.
    expect((await create(undefined, 'text/plain')).status).toBe(415);
    // Reads run queries too: another site's page may not start them either (issue 10).
    const list = await fetch(`${h.emu.url}/api/collections`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(list.status).toBe(403);
    expect(list.headers.get('access-control-allow-origin')).toBeNull();
    const own = await fetch(`${h.emu.url}/api/collections`, { headers: { origin: h.emu.url } });
    expect(own.status).toBe(200);
  });
});
