/**
 * A function instance reaches the emulator over one kept connection, and only the emulator:
 * connections are counted where they arrive (the emulator's server, another server), with the
 * real SDK on the exact runtimes (Node 18.15, 16.13) and on the emulator's own Node.
 * Calls go through `functions.invoke` (in process), so every connection the emulator's server
 * accepts during a test comes from a function instance.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { buildEmulator, repoRoot } from './support';

const project = path.join(repoRoot, 'test/fixtures/keepalive-project');
const identity = {
  openid: 'o-keepalive',
  appid: 'wx0000000000000000',
  clientIp: '127.0.0.1',
  source: 'wx_client',
};

interface Rounds {
  node: string;
  globalKeepAlive: boolean;
  ids: string[];
  other: Array<{ how: string; seen: { connection: string | null }; globalAgent: boolean }>;
}

async function invoke(emu: RunningEmulator, name: string, data: object): Promise<Rounds> {
  const outcome = await emu.functions.invoke(name, data, identity);
  if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome)}`);
  return JSON.parse(outcome.resultJson) as Rounds;
}

/** Connections the emulator's server accepts from now on. */
function countConnections(emu: RunningEmulator): { count: number; stop(): void } {
  const counter = { count: 0, stop: () => emu.events.off('connection', onConnection) };
  const onConnection = (): void => void counter.count++;
  emu.events.on('connection', onConnection);
  return counter;
}

interface OtherServer {
  url: string;
  connections(): number;
  close(): Promise<void>;
}

/** A server that is not the emulator, on the same host: it answers the Connection header sent. */
async function startOtherServer(): Promise<OtherServer> {
  let connections = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end(JSON.stringify({ connection: req.headers.connection ?? null })));
  });
  server.on('connection', () => void connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/other`,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function addCollection(emu: RunningEmulator): Promise<void> {
  await emu.database.handle({ action: 'database.addCollection', collectionName: 'keepalive' });
}

beforeAll(() => buildEmulator());

describe('exact runtimes', () => {
  let emu: RunningEmulator;
  let other: OtherServer;

  beforeAll(async () => {
    emu = await startEmulator({ project, logger: 'silent' });
    await addCollection(emu);
    other = await startOtherServer();
  });

  afterAll(async () => {
    await emu?.stop();
    await other?.close();
  });

  test.each([
    ['rounds', 'v18.15.0'],
    ['rounds16', 'v16.13.0'],
  ])(
    '%s (%s): sequential database calls over two invocations use one connection',
    async (name, node) => {
      const connections = countConnections(emu);
      const first = await invoke(emu, name, { rounds: 3 });
      const second = await invoke(emu, name, { rounds: 3 });
      connections.stop();
      expect(first.node).toBe(node);
      // 12 SDK requests (3 add + 3 get, twice), one warm instance, one TCP connection.
      expect([first.ids.length, second.ids.length]).toEqual([3, 3]);
      expect(emu.functions.instanceCount(name)).toBe(1);
      expect(connections.count).toBe(1);
    },
  );

  test("the function's own requests to another server are made as the runtime makes them", async () => {
    const before = other.connections();
    const reply = await invoke(emu, 'rounds', { rounds: 1, otherUrl: other.url });
    expect(reply.globalKeepAlive).toBe(false);
    // Node 18's global agent: `Connection: close`, a new connection for each request.
    expect(reply.other).toEqual(
      ['sdk', 'get', 'options'].map((how) => ({
        how,
        seen: { connection: 'close' },
        globalAgent: true,
      })),
    );
    expect(other.connections() - before).toBe(3);
  });
});

describe("the emulator's own Node, with an access token", () => {
  let emu: RunningEmulator;
  let other: OtherServer;

  beforeAll(async () => {
    emu = await startEmulator({
      project,
      logger: 'silent',
      runtimeNode: 'local',
      accessToken: 'keepalive-test-token',
    });
    await addCollection(emu);
    other = await startOtherServer();
  });

  afterAll(async () => {
    await emu?.stop();
    await other?.close();
  });

  test('database calls reuse one connection; other hosts keep the global agent', async () => {
    const connections = countConnections(emu);
    const first = await invoke(emu, 'rounds', { rounds: 2, otherUrl: other.url });
    const second = await invoke(emu, 'rounds', { rounds: 2 });
    connections.stop();
    expect(first.node).toBe(process.version);
    expect([first.ids.length, second.ids.length]).toEqual([2, 2]);
    expect(connections.count).toBe(1);
    // Whatever this Node's global agent does (keep-alive since Node 19), it still does it.
    const header = first.globalKeepAlive ? 'keep-alive' : 'close';
    for (const seen of first.other) {
      expect(seen).toMatchObject({ seen: { connection: header }, globalAgent: true });
    }
  });
});
