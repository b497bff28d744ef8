/**
 * The console's storage rule API: the bucket's rule in force and where it comes from, and a
 * playground that judges a mini program storage request against what is stored now, exactly
 * as the client routes do, without writing, reading out or deleting anything.
 */
import path from 'node:path';
import { formatFileId } from '../../../emulator/src/storage';
import { ENV, startStorageHarness, type StorageHarness } from './support';

let h: StorageHarness;
const api = async (route: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${h.emu.url}/api/storage/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const judge = (openid: string, operation: string, file: string) =>
  api('rules/playground', { openid, operation, file }).then((r) => r.body);

beforeAll(async () => {
  h = await startStorageHarness();
});
afterAll(() => h.stop());

test('without a rule file the default is shown: READONLY, and where a file would go', async () => {
  expect((await api('rules')).body).toEqual({
    rule: 'READONLY',
    read: true,
    write: 'resource.openid == auth.openid',
    file: null,
    expected: path.join('storage', 'security-rules.json'),
  });
});

test('a custom rule file is shown as written, with its file', async () => {
  h.writeRule({ $comment: 'x', read: 'auth != null', write: false });
  expect((await api('rules')).body).toEqual({
    rule: { read: 'auth != null', write: false },
    read: 'auth != null',
    write: false,
    file: path.join('storage', 'security-rules.json'),
    expected: path.join('storage', 'security-rules.json'),
  });
});

test('the playground judges against the stored file and changes nothing', async () => {
  h.writeRule('READONLY');
  const fileID = (await h.upload('o-alice', 'pg/a.txt', 'alice')) as string;
  const adminFile = await h.adminUpload('pg/admin.txt', 'admin');

  expect(await judge('o-bob', 'deleteFile', fileID)).toEqual({
    allowed: false,
    decision: 'deny',
    reason: 'write: resource.openid == auth.openid is false',
    resource: { openid: 'o-alice', path: 'pg/a.txt', exists: true },
  });
  expect(await judge('o-alice', 'deleteFile', 'pg/a.txt')).toMatchObject({ decision: 'allow' });
  expect(await judge('o-bob', 'getTempFileURL', fileID)).toMatchObject({ decision: 'allow' });
  expect(await judge('o-bob', 'uploadFile', 'pg/new.txt')).toMatchObject({
    decision: 'allow',
    resource: { openid: 'o-bob', path: 'pg/new.txt', exists: false },
  });
  expect(await judge('o-alice', 'uploadFile', adminFile)).toMatchObject({
    decision: 'deny',
    resource: { openid: '', exists: true },
  });
  const foreign = `cloud://${ENV}.7465-other-1250000001/pg/a.txt`;
  expect(await judge('o-alice', 'deleteFile', foreign)).toMatchObject({ decision: 'missing' });
  expect(await judge('o-alice', 'deleteFile', 'pg/none.txt')).toMatchObject({
    decision: 'missing',
  });
  expect(await judge('', 'deleteFile', 'pg/a.txt')).toMatchObject({ decision: 'invalid' });
  expect(await judge('o-alice', 'rename', 'pg/a.txt')).toMatchObject({ decision: 'invalid' });

  // Nothing was deleted or created by the questions.
  expect(await h.adminRead(fileID)).toBe('alice');
  expect(await h.adminRead(formatFileId(ENV, 'pg/new.txt'))).toBeNull();
});

test('a cross-site page cannot ask the playground', async () => {
  const reply = await api(
    'rules/playground',
    { openid: 'o-a', operation: 'deleteFile', file: 'pg/a.txt' },
    { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  );
  expect(reply.status).toBe(403);
});
