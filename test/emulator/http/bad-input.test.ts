/** Bad input gets a clear error, and the emulator keeps serving afterwards. */
import { request } from 'node:http';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { buildEmulator, fixtureProject } from '../host/support';

let emu: RunningEmulator;

beforeAll(async () => {
  buildEmulator();
  emu = await startEmulator({ project: fixtureProject });
});

afterEach(async () => {
  // Whatever the previous request did, the emulator still answers.
  const health = await send('GET', '/healthz');
  expect(health).toEqual({ status: 200, body: { ok: true } });
  const call = await emu.callFunction('counter', {}, { openid: 'o-after' });
  expect(call.status).toBe(200);
});

afterAll(async () => {
  await emu?.stop();
});

interface Reply {
  status: number;
  body: unknown;
}

function send(
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${emu.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? (JSON.parse(text) as unknown) : undefined;
        } catch {
          // Not JSON: the assertions then see the raw text.
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const openid = { 'x-wx-openid': 'o-bad', 'content-type': 'application/json' };

test('malformed JSON to a function is a 400 naming the problem', async () => {
  const reply = await send('POST', '/functions/echo', '{"data": {', openid);
  expect(reply.status).toBe(400);
  expect(reply.body).toMatchObject({
    errCode: -501007,
    errMsg: expect.stringContaining('not valid JSON'),
  });
});

test('a body that is not an object is refused', async () => {
  const reply = await send('POST', '/functions/echo', '[1,2]', openid);
  expect(reply.status).toBe(400);
  expect(reply.body).toMatchObject({ errMsg: expect.stringContaining('{"data": <event>}') });
});

test('a missing x-wx-openid header is a 401 saying which header', async () => {
  const reply = await send('POST', '/functions/echo', '{"data":{}}', {
    'content-type': 'application/json',
  });
  expect(reply.status).toBe(401);
  expect(reply.body).toMatchObject({
    errCode: -501007,
    errMsg: expect.stringContaining('x-wx-openid'),
  });
  const viaApi = await emu.callFunction('echo', {}, {});
  expect(viaApi.status).toBe(401);
});

test('a body over 6 MB is a 413 (function and admin endpoints)', async () => {
  const big = JSON.stringify({ data: { blob: 'x'.repeat(6 * 1024 * 1024 + 10) } });
  const toFunction = await send('POST', '/functions/echo', big, openid);
  expect(toFunction.status).toBe(413);
  expect(toFunction.body).toMatchObject({
    errCode: -501007,
    errMsg: 'request body is larger than 6 MB',
  });
  const toAdmin = await send('POST', '/admin', big, { 'content-type': 'application/json' });
  expect(toAdmin.status).toBe(413);
});

test('a body just under 6 MB still goes through', async () => {
  const reply = await emu.callFunction(
    'counter',
    { blob: 'y'.repeat(5 * 1024 * 1024) },
    { openid: 'o-big' },
  );
  expect(reply.status).toBe(200);
});

test('malformed JSON to /admin is a 400 with the protocol code too', async () => {
  const reply = await send('POST', '/admin?env=local&seqId=1', 'not json', {
    'content-type': 'application/json',
  });
  expect(reply.status).toBe(400);
  expect(reply.body).toMatchObject({ code: 'INVALID_PARAM', errCode: -501007 });
});

test('an unknown action at /admin is answered in the protocol (HTTP 200, code INVALID_PARAM)', async () => {
  const reply = await send(
    'POST',
    '/admin?env=local&seqId=2',
    JSON.stringify({ action: 'database.noSuchAction' }),
    { 'content-type': 'application/json' },
  );
  expect(reply.status).toBe(200);
  expect(reply.body).toMatchObject({
    code: 'INVALID_PARAM',
    message: expect.stringContaining('database.noSuchAction'),
  });
});

test('a body without an action at /admin is a 400', async () => {
  const reply = await send(
    'POST',
    '/admin/i/some-invocation',
    JSON.stringify({ collectionName: 'x' }),
    { 'content-type': 'application/json' },
  );
  expect(reply.status).toBe(400);
  expect(reply.body).toMatchObject({
    code: 'INVALID_PARAM',
    errMsg: expect.stringContaining('"action"'),
  });
});

test('an unknown function is 404 with -504001', async () => {
  const reply = await send('POST', '/functions/nope', '{"data":{}}', openid);
  expect(reply.status).toBe(404);
  expect(reply.body).toMatchObject({ errCode: -504001 });
});

test('an unknown route is 404 and a wrong method is 405, both as JSON', async () => {
  // (GET of an unknown path belongs to the web console's static files.)
  const unknown = await send('POST', '/no/such/thing', '{}');
  expect(unknown.status).toBe(404);
  expect(unknown.body).toMatchObject({ errMsg: expect.stringContaining('/no/such/thing') });
  const wrongMethod = await send('PUT', '/functions/echo', '{}');
  expect(wrongMethod.status).toBe(405);
  expect(wrongMethod.body).toMatchObject({ errMsg: expect.stringContaining('POST') });
});

test('an empty body calls the function with an empty event', async () => {
  const reply = await send('POST', '/functions/echo', '', { 'x-wx-openid': 'o-empty' });
  expect(reply.status).toBe(200);
  expect((reply.body as { result: { event: unknown } }).result.event).toEqual({
    userInfo: { appId: 'wx0000000000000000', openId: 'o-empty' },
  });
});

test('an event sent without the data wrapper is a 400 naming the expected shape', async () => {
  const reply = await send(
    'POST',
    '/functions/echo',
    JSON.stringify({ name: 'ann', age: 3 }),
    openid,
  );
  expect(reply.status).toBe(400);
  expect(reply.body).toMatchObject({
    errMsg: expect.stringContaining(
      'request body must be {"data": <event>}: got keys name, age and no "data"',
    ),
  });
});

test('an admin action of no capability names itself', async () => {
  const reply = await send(
    'POST',
    '/admin?env=local&seqId=3',
    JSON.stringify({ action: 'tcb.noSuchThing' }),
    { 'content-type': 'application/json' },
  );
  expect(reply.status).toBe(200);
  expect(reply.body).toMatchObject({ message: expect.stringContaining('tcb.noSuchThing') });
});
