/** With a data directory, uploaded files survive a restart of the emulator. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWxCloud } from '../../../emulator/src/bridge';
import { startEmulator } from '../../../emulator/src/index';

const FIXTURE_PROJECT = path.join(__dirname, '..', '..', 'fixtures', 'conformance-project');

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'storage-data-'));
});
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

it('keeps files under <dataDir>/storage across restarts', async () => {
  const source = path.join(dataDir, 'upload-me.txt');
  writeFileSync(source, 'kept');

  const first = await startEmulator({ project: FIXTURE_PROJECT, dataDir, port: 0 });
  let fileID: string;
  try {
    const cloud = createWxCloud({ url: first.url, openid: 'o-keeper' });
    fileID = (await cloud.uploadFile({ cloudPath: 'kept/file.txt', filePath: source })).fileID;
  } finally {
    await first.stop();
  }
  expect(
    existsSync(path.join(dataDir, 'storage', 'files', 'conformance-env', 'kept', 'file.txt')),
  ).toBe(true);

  const second = await startEmulator({ project: FIXTURE_PROJECT, dataDir, port: 0 });
  try {
    const cloud = createWxCloud({ url: second.url, openid: 'o-keeper' });
    const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] });
    expect(fileList[0]!.status).toBe(0);
    expect(await (await fetch(fileList[0]!.tempFileURL)).text()).toBe('kept');
    // Ownership survived too: another user still may not delete it.
    const other = createWxCloud({ url: second.url, openid: 'o-other' });
    expect((await other.deleteFile({ fileList: [fileID] })).fileList[0]!.status).toBe(-503002);
  } finally {
    await second.stop();
  }
});
