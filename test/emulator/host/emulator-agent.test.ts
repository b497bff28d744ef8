/**
 * Which http.request/get calls an instance sends through its keep-alive agent: only those whose
 * host:port is the emulator's and that chose no agent, in every call shape Node accepts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FREE_SOCKET_TIMEOUT_MS,
  createEmulatorAgent,
  emulatorAddressOf,
  withEmulatorAgent,
} from '../../../emulator/src/functions/emulator-agent';
import { SERVER_KEEP_ALIVE_TIMEOUT_MS } from '../../../emulator/src/http/keep-alive';
import { waitFor } from './support';

const agent = new http.Agent({ keepAlive: true });
const emulator = emulatorAddressOf('http://127.0.0.1:9123')!;
const admin = 'http://127.0.0.1:9123/admin/i/req-1?access_token=secret&';
const callback = (): void => undefined;

afterAll(() => agent.destroy());

test('the emulator address is host and port of its origin', () => {
  expect(emulatorAddressOf('http://127.0.0.1:9123')).toEqual({ hostname: '127.0.0.1', port: 9123 });
  expect(emulatorAddressOf('http://[::1]:80')).toEqual({ hostname: '::1', port: 80 });
  expect(emulatorAddressOf('http://LocalHost')).toEqual({ hostname: 'localhost', port: 80 });
  expect(emulatorAddressOf('https://127.0.0.1:9123')).toBeUndefined();
  expect(emulatorAddressOf('not a url')).toBeUndefined();
  expect(emulatorAddressOf(undefined)).toBeUndefined();
});

test("the SDK's call (string URL with an access token, agent: null) gets the agent", () => {
  const options = { method: 'POST', agent: null };
  const routed = withEmulatorAgent([admin, options, callback], emulator, agent);
  expect(routed).toEqual([admin, { method: 'POST', agent }, callback]);
  // The caller's options object is not changed.
  expect(options.agent).toBeNull();
});

test('every call shape to the emulator gets the agent', () => {
  const url = new URL(admin);
  expect(withEmulatorAgent([url], emulator, agent)).toEqual([url, { agent }]);
  expect(withEmulatorAgent([admin, callback], emulator, agent)).toEqual([
    admin,
    { agent },
    callback,
  ]);
  expect(withEmulatorAgent([{ host: '127.0.0.1', port: '9123' }], emulator, agent)).toEqual([
    { host: '127.0.0.1', port: '9123', agent },
  ]);
  expect(
    withEmulatorAgent([{ hostname: '127.0.0.1', port: 9123, agent: undefined }], emulator, agent),
  ).toEqual([{ hostname: '127.0.0.1', port: 9123, agent }]);
  // Options override the URL, as in Node.
  expect(
    withEmulatorAgent(
      ['http://example.com/x', { hostname: '127.0.0.1', port: 9123 }],
      emulator,
      agent,
    ),
  ).toEqual(['http://example.com/x', { hostname: '127.0.0.1', port: 9123, agent }]);
  const v6 = emulatorAddressOf('http://[::1]:9123')!;
  expect(withEmulatorAgent(['http://[::1]:9123/admin'], v6, agent)).toEqual([
    'http://[::1]:9123/admin',
    { agent },
  ]);
  const port80 = emulatorAddressOf('http://localhost')!;
  expect(withEmulatorAgent([{ path: '/admin' }], port80, agent)).toEqual([
    { path: '/admin', agent },
  ]);
});

test('any other call is passed on as it came', () => {
  const untouched: unknown[][] = [
    ['http://127.0.0.1:9124/admin', { agent: null }],
    ['http://localhost:9123/admin'],
    [{ host: '127.0.0.2', port: 9123 }],
    [admin, { agent: false }],
    [admin, { agent: new http.Agent() }],
    [admin, { hostname: 'example.com' }],
    [admin, { port: 80 }],
    [{ socketPath: '/tmp/x.sock', host: '127.0.0.1', port: 9123 }],
    [{ host: '127.0.0.1', port: 9123, createConnection: () => undefined }],
    ['https://127.0.0.1:9123/admin'],
    ['::not a url::'],
    [42],
    [],
  ];
  for (const args of untouched) expect(withEmulatorAgent(args, emulator, agent)).toBe(args);
});

test('free sockets close well before the server drops them, and after their timeout', async () => {
  expect(FREE_SOCKET_TIMEOUT_MS).toBeLessThanOrEqual(SERVER_KEEP_ALIVE_TIMEOUT_MS / 4);
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const short = createEmulatorAgent(100);
  try {
    for (let i = 0; i < 2; i++) {
      await new Promise<void>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, agent: short }, (res) => res.resume().on('end', resolve))
          .on('error', reject);
      });
    }
    const free = Object.values(short.freeSockets).flat();
    expect(free).toHaveLength(1);
    expect(await waitFor(() => free[0]!.destroyed, 2000)).toBe(true);
    // The agent forgets a socket on its 'close' event, which follows destroy() a tick later.
    expect(await waitFor(() => Object.values(short.freeSockets).flat().length === 0, 2000)).toBe(
      true,
    );
  } finally {
    short.destroy();
    server.closeAllConnections();
    server.close();
  }
});
