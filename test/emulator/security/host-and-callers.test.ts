/**
 * Attacks from a web page (issue 10): DNS rebinding (forged Host), foreign Origin, text/plain
 * bodies that need no CORS preflight, no-cors GETs. Every one is refused before any work.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { buildEmulator, fixtureProject } from '../host/support';
import { attack, codeOf, count } from './support';

let emu: RunningEmulator;
const EVIL = 'https://evil.example';
const REBIND = (port: number): string => `rebind.attacker.example:${port}`;

beforeAll(async () => {
  buildEmulator();
  emu = await startEmulator({ project: fixtureProject, allowedHosts: ['dev.example.test'] });
  await emu.database.handle({ action: 'database.addCollection', collectionName: 'kept' });
  await emu.database.handle({
    action: 'database.insertDocument',
    collectionName: 'kept',
    data: [JSON.stringify({ _id: 'k1', v: 1 })],
  });
});
afterAll(() => emu?.stop());

describe('Host allowlist (DNS rebinding)', () => {
  test('a rebinding name with a matching Origin cannot call functions, export or read', async () => {
    const host = REBIND(emu.port);
    const origin = `http://${host}`;
    const login = await attack(emu, '/functions/addOne', {
      host,
      origin,
      type: 'application/json',
      body: JSON.stringify({ data: { collection: 'stolen' } }),
      headers: { 'x-wx-openid': 'victim' },
    });
    expect(login.status).toBe(403);
    expect(codeOf(login)).toBe('HOST_NOT_ALLOWED');
    const exported = await attack(emu, '/api/export', {
      host,
      origin,
      type: 'application/json',
      body: '{}',
    });
    expect(exported.status).toBe(403);
    const read = await attack(emu, '/api/collections', { method: 'GET', host });
    expect(read.status).toBe(403);
    expect((await attack(emu, '/healthz', { method: 'GET', host })).status).toBe(403);
    expect(await count(emu, 'stolen')).toBe(0);
  });

  test('look-alikes of localhost are refused: localhost.<anything>, names merely containing it', async () => {
    for (const name of [
      'localhost.attacker.example',
      'localhostattacker.example',
      'attacker-localhost',
      '127.0.0.1.attacker.example',
      'localhost.',
    ]) {
      const host = `${name}.${emu.port}`.replace(/\.(\d+)$/, ':$1');
      const reply = await attack(emu, '/healthz', { method: 'GET', host });
      expect({ host, status: reply.status }).toEqual({
        host,
        status: name === 'localhost.' ? 200 : 403,
      });
    }
  });

  test('loopback names, *.localhost and --allowed-host names pass', async () => {
    for (const host of [
      `localhost:${emu.port}`,
      `127.0.0.1:${emu.port}`,
      `[::1]:${emu.port}`,
      `app.localhost:${emu.port}`,
      `dev.example.test:${emu.port}`,
    ]) {
      expect({
        host,
        status: (await attack(emu, '/healthz', { method: 'GET', host })).status,
      }).toEqual({
        host,
        status: 200,
      });
    }
  });
});

describe('machine-to-machine routes refuse browsers', () => {
  const deleteAll = JSON.stringify({
    action: 'database.removeDocument',
    collectionName: 'kept',
    queryType: 'WHERE',
    query: '{}',
    multi: true,
  });

  test('/admin refuses any Origin, cross-site fetches and text/plain bodies; the SDK shape passes', async () => {
    const fromPage = await attack(emu, '/admin', { origin: EVIL, body: deleteAll });
    expect(fromPage.status).toBe(403);
    const ownOrigin = await attack(emu, '/admin', {
      origin: emu.url,
      type: 'application/json',
      body: deleteAll,
    });
    expect(ownOrigin.status).toBe(403);
    const noCors = await attack(emu, '/admin', { site: 'cross-site', body: deleteAll });
    expect(noCors.status).toBe(403);
    const plain = await attack(emu, '/admin', { body: deleteAll });
    expect(plain.status).toBe(415);
    expect(await count(emu, 'kept')).toBe(1);
    const sdkLike = await attack(emu, '/admin', {
      type: 'application/json',
      body: JSON.stringify({
        action: 'database.calculateDocument',
        collectionName: 'kept',
        queryType: 'WHERE',
      }),
    });
    expect(sdkLike.status).toBe(200);
  });

  test('/functions and storage refuse cross-site pages (identity headers would be forged)', async () => {
    const call = await attack(emu, '/functions/addOne', {
      origin: EVIL,
      body: JSON.stringify({ data: { collection: 'forged' } }),
      headers: { 'x-wx-openid': 'victim' },
    });
    expect(call.status).toBe(403);
    const noCors = await attack(emu, '/functions/addOne', {
      site: 'cross-site',
      body: JSON.stringify({ data: { collection: 'forged' } }),
      headers: { 'x-wx-openid': 'victim' },
    });
    expect(noCors.status).toBe(403);
    expect(await count(emu, 'forged')).toBe(0);
    const upload = await attack(emu, '/storage/upload?cloudPath=x/evil.svg', {
      method: 'PUT',
      origin: EVIL,
      body: '<svg/>',
      headers: { 'x-wx-openid': 'victim' },
    });
    expect(upload.status).toBe(403);
  });
});

describe('console API: same-origin only, also for reads that run queries', () => {
  test('a no-cors GET from another site cannot run a query; a text/plain reset changes nothing', async () => {
    const query = await attack(emu, '/api/collections/kept/documents?filter=%7B%7D', {
      method: 'GET',
      site: 'cross-site',
    });
    expect(query.status).toBe(403);
    const reset = await attack(emu, '/api/reset', { origin: EVIL, body: '' });
    expect(reset.status).toBe(403);
    const plainReset = await attack(emu, '/api/collections', { body: '{"name":"x"}' });
    expect(plainReset.status).toBe(415);
    expect(await count(emu, 'kept')).toBe(1);
    // A page on another port or subdomain of this machine is same-site, not same-origin.
    const sameSiteRead = await attack(emu, '/api/collections/kept/documents?filter=%7B%7D', {
      method: 'GET',
      site: 'same-site',
    });
    expect(sameSiteRead.status).toBe(403);
    const sameSiteReset = await attack(emu, '/api/reset', {
      site: 'same-site',
      type: 'application/json',
      body: '{}',
    });
    expect(sameSiteReset.status).toBe(403);
    expect(await count(emu, 'kept')).toBe(1);
    const own = await attack(emu, '/api/collections', {
      method: 'GET',
      origin: emu.url,
      site: 'same-origin',
    });
    expect(own.status).toBe(200);
  });

  test('the console page cannot be framed or sniffed', async () => {
    const page = await attack(emu, '/', { method: 'GET' });
    expect(page.status).toBe(200);
    // Headers come with every answer, including this page's.
    const headers = await fetch(`${emu.url}/`).then((r) => r.headers);
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });
});
