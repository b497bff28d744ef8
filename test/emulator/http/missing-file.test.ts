/**
 * A missing file gives the SDK a message (issue 23 item 7): `downloadFile` of a file that does
 * not exist failed with `downloadFile:fail undefined` (getTempFileURL's item already had
 * `storage file not exists`). Run with the real wx-server-sdk inside a function.
 */
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { buildEmulator, repoRoot } from '../host/support';

let emulator: RunningEmulator;
const missing = 'cloud://local.6c6f-local-1250000000/nowhere/gone.txt';

beforeAll(async () => {
  buildEmulator();
  emulator = await startEmulator({
    project: path.join(repoRoot, 'test/fixtures/conformance-project'),
  });
});
afterAll(() => emulator?.stop());

async function sdk(...steps: string[]): Promise<Array<Record<string, unknown>>> {
  const reply = await emulator.callFunction('sdk', { steps }, { openid: 'o-fn' });
  expect(reply.ok).toBe(true);
  return reply.result as Array<Record<string, unknown>>;
}

test('downloadFile of a missing file fails with a message naming the file', async () => {
  const [download] = await sdk(`return await cloud.downloadFile({ fileID: '${missing}' });`);
  expect(download).toMatchObject({ ok: false });
  expect(download!.errMsg).not.toMatch(/undefined/);
  expect(download!.errMsg).toContain(`storage file not exists: ${missing}`);
});
