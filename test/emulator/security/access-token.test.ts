/**
 * Off loopback only with a key (issue 10). Tests listen on 127.0.0.1 only, so the token is
 * switched on explicitly (what a non-loopback --host does by itself) and every route but
 * /healthz must refuse a caller without it.
 */
import { spawnSync } from 'node:child_process';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { requestJson } from '../../../emulator/src/http/json-client';
import { buildEmulator, fixtureProject } from '../host/support';
import { CLI, startCli } from '../../support/cli-process';
import { attack, codeOf } from './support';

let emu: RunningEmulator;
const TOKEN = 'test-access-token-0123456789';

beforeAll(async () => {
  buildEmulator();
  emu = await startEmulator({ project: fixtureProject, accessToken: TOKEN });
});
afterAll(() => emu?.stop());

test('without the token every route but /healthz is refused', async () => {
  const json = 'application/json';
  for (const [path, method, body] of [
    ['/functions/addOne', 'POST', '{"data":{}}'],
    ['/admin', 'POST', '{"action":"database.calculateDocument","collectionName":"x"}'],
    ['/api/collections', 'GET', undefined],
    ['/', 'GET', undefined],
    ['/storage/temp-urls', 'POST', '{"fileList":["x"]}'],
  ] as const) {
    const reply = await attack(emu, path, {
      method,
      ...(body ? { body, type: json } : {}),
      headers: { 'x-wx-openid': 'o-net' },
    });
    expect({ path, status: reply.status, code: codeOf(reply) }).toEqual({
      path,
      status: 401,
      code: 'ACCESS_TOKEN_REQUIRED',
    });
  }
  const wrong = await attack(emu, '/api/collections', {
    method: 'GET',
    headers: { authorization: 'Bearer wrong-token-0123456789' },
  });
  expect(wrong.status).toBe(401);
  expect((await attack(emu, '/healthz', { method: 'GET' })).status).toBe(200);
});

test('with the token: callFunction (and the SDK inside the function) work; the URL sets a cookie', async () => {
  await emu.database.handle({ action: 'database.addCollection', collectionName: 'net' });
  // addOne writes through the real SDK: the instance's admin URL carries the token.
  const call = await emu.callFunction('addOne', { n: 1, collection: 'net' }, { openid: 'o-net' });
  expect(call.body).toMatchObject({ result: { id: expect.any(String) } });
  const page = await fetch(`${emu.url}/?access_token=${TOKEN}`);
  expect(page.status).toBe(200);
  const cookie = page.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  const withCookie = await requestJson(`${emu.url}/api/collections`, {
    method: 'GET',
    headers: { cookie: cookie.split(';')[0]! },
    agent: false,
  });
  expect(withCookie.status).toBe(200);
  expect(withCookie.text).toContain('net');
});

test('the CLI takes --allowed-host (repeatable) and --access-token, and refuses a weak token', async () => {
  const weak = spawnSync(
    process.execPath,
    [CLI, '--in-memory', '--port', '0', '--access-token', 'short'],
    {
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  expect(weak.status).toBe(1);
  expect(weak.stderr).toMatch(/--access-token must be at least 16/);
  const cli = await startCli([
    '--in-memory',
    '--port',
    '0',
    '--allowed-host',
    'a.example',
    '--allowed-host',
    'b.example',
    '--access-token',
    TOKEN,
  ]);
  try {
    for (const host of ['a.example', 'b.example', 'c.example']) {
      const reply = await requestJson(`${cli.url}/api/collections`, {
        method: 'GET',
        headers: { host: `${host}:9`, authorization: `Bearer ${TOKEN}` },
        agent: false,
      });
      expect({ host, status: reply.status }).toEqual({
        host,
        status: host === 'c.example' ? 403 : 200,
      });
    }
  } finally {
    await cli.stop();
  }
});
