/**
 * The console's rules API: the rule in force per collection, and the playground, which judges
 * exactly as the client path does and never changes data. Cross-site POSTs are refused.
 */
import path from 'node:path';
import { startRulesHarness, type RulesHarness } from './support';

const REPO = path.resolve(__dirname, '..', '..', '..');
let h: RulesHarness;
const post = async (body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${h.emu.url}/api/rules/playground`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  h = await startRulesHarness(
    {},
    { project: REPO, rulesDir: path.join(REPO, 'database', 'security-rules') },
  );
  await h.seed('notes', [{ _id: 'n1', _openid: 'o-me', text: 'mine' }]);
});
afterAll(async () => {
  await h?.stop();
});

test('GET /api/rules lists the rule in force for stored collections and rule files', async () => {
  const response = await fetch(`${h.emu.url}/api/rules`);
  const body = (await response.json()) as { dir: string; docIdMode: string; rules: unknown[] };
  expect(body.dir).toBe(path.join('database', 'security-rules'));
  expect(body.docIdMode).toBe('strict');
  // Other shipped rule files (e.g. phones.json) are listed too.
  expect(body.rules).toEqual(
    expect.arrayContaining([
      { collection: 'notes', rule: 'PRIVATE', file: null },
      {
        collection: 'sessions',
        rule: { read: false, write: false },
        file: path.join('database', 'security-rules', 'sessions.json'),
      },
      {
        collection: 'users',
        rule: { read: 'doc._openid == auth.openid', write: false },
        file: path.join('database', 'security-rules', 'users.json'),
      },
    ]),
  );
});

test('the playground answers allowed, refused with the reason, or own-only, and changes nothing', async () => {
  const own = await post({
    openid: 'o-me',
    collection: 'users',
    operation: 'get',
    query: { _openid: '{openid}' },
  });
  expect(own.body).toMatchObject({ allowed: true, decision: 'allow' });
  const bare = await post({ openid: 'o-me', collection: 'users', operation: 'count' });
  expect(bare.body).toMatchObject({ allowed: false, decision: 'deny' });
  expect(bare.body.reason).toContain(
    'doc._openid == auth.openid: the query does not fix or bound _openid',
  );
  const remove = await post({
    openid: 'o-me',
    collection: 'notes',
    operation: 'remove',
    docId: 'n1',
  });
  expect(remove.body).toMatchObject({ allowed: true, decision: 'own-only' });
  const update = await post({
    openid: 'o-me',
    collection: 'notes',
    operation: 'update',
    query: {},
    data: { text: 'x' },
  });
  expect(update.body).toMatchObject({ allowed: true });
  const add = await post({
    openid: 'o-me',
    collection: 'notes',
    operation: 'add',
    data: { text: 'new' },
  });
  expect(add.body).toMatchObject({ allowed: true });
  expect(await h.all('notes')).toEqual([{ _id: 'n1', _openid: 'o-me', text: 'mine' }]);
  const invalid = await post({ openid: 'o-me', collection: 'notes', operation: 'drop' });
  expect(invalid.body).toMatchObject({
    allowed: false,
    decision: 'invalid',
    reason: expect.stringContaining('operation must be one of'),
  });
});

test('a cross-site page cannot use the playground', async () => {
  const reply = await post(
    { openid: 'o-me', collection: 'users', operation: 'get' },
    { origin: 'http://evil.example' },
  );
  expect(reply.status).toBe(403);
});

test('no browser page may use the client database route (only the Node bridge)', async () => {
  const response = await fetch(`${h.emu.url}/client/database`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-me', origin: h.emu.url },
    body: JSON.stringify({ action: 'database.getDocument', collectionName: 'notes', query: '{}' }),
  });
  expect(response.status).toBe(403);
});
