/**
 * Emulator cloud storage through the wx.cloud bridge (the mini program side) and through the
 * real wx-server-sdk inside a function (the conformance fixture's `sdk` function).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWxCloud, type BridgeWxCloud, type WxApiError } from '../../../emulator/src/bridge';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { parseFileId } from '../../../emulator/src/storage';

const FIXTURE_PROJECT = path.join(__dirname, '..', '..', 'fixtures', 'conformance-project');

let emulator: RunningEmulator;
let alice: BridgeWxCloud;
let bob: BridgeWxCloud;
let tempDir: string;

beforeAll(async () => {
  emulator = await startEmulator({ project: FIXTURE_PROJECT, inMemory: true, port: 0 });
  alice = createWxCloud({ url: emulator.url, openid: 'o-alice' });
  bob = createWxCloud({ url: emulator.url, openid: 'o-bob' });
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'storage-test-'));
});
afterAll(async () => {
  await emulator?.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(tempDir, name);
  writeFileSync(file, content);
  return file;
}

async function upload(cloud: BridgeWxCloud, cloudPath: string, content: string): Promise<string> {
  const result = await cloud.uploadFile({
    cloudPath,
    filePath: tempFile(path.basename(cloudPath), content),
  });
  return result.fileID;
}

async function tempUrl(fileID: string, maxAge?: number) {
  const { fileList } = await alice.getTempFileURL({
    fileList: [maxAge ? { fileID, maxAge } : fileID],
  });
  return fileList[0]!;
}

describe('wx.cloud storage through the bridge', () => {
  it("an upload task's abort() cancels it: fail with 'abort', nothing stored", async () => {
    const kept = await upload(alice, 'cancel/kept.txt', 'kept');
    const outcome = await new Promise<{ fail?: WxApiError; success?: unknown }>((resolve) => {
      const task = alice.uploadFile({
        cloudPath: 'cancel/aborted.txt',
        filePath: tempFile('aborted.txt', 'x'.repeat(1024 * 1024)),
        success: (result) => resolve({ success: result }),
        fail: (error) => resolve({ fail: error }),
      });
      task.abort(); // the app's cancel button
    });
    expect(outcome.success).toBeUndefined();
    expect(outcome.fail?.errMsg).toBe('cloud.uploadFile:fail abort');
    const abortedId = kept.replace('cancel/kept.txt', 'cancel/aborted.txt');
    expect((await tempUrl(abortedId)).status).not.toBe(0);
    expect((await tempUrl(kept)).status).toBe(0);
  });

  it('uploadFile answers a cloud:// file ID of the environment', async () => {
    const result = await alice.uploadFile({
      cloudPath: 'docs/a.txt',
      filePath: tempFile('a.txt', 'hello'),
    });
    expect(result).toMatchObject({ statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
    expect(result.fileID).toMatch(
      /^cloud:\/\/conformance-env\.[0-9a-f]+-conformance-env-\d+\/docs\/a\.txt$/,
    );
    expect(parseFileId(result.fileID)).toMatchObject({
      env: 'conformance-env',
      cloudPath: 'docs/a.txt',
    });
  });

  it('a temp URL serves the bytes over HTTP with the content type; a tampered one is refused', async () => {
    const fileID = await upload(alice, 'img/pic.png', 'png-bytes');
    const item = await tempUrl(fileID, 60);
    expect(item).toMatchObject({ fileID, status: 0, errMsg: 'ok', maxAge: 60 });

    const served = await fetch(item.tempFileURL);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(await served.text()).toBe('png-bytes');

    const tampered = item.tempFileURL.replace('pic.png', 'other.png');
    expect((await fetch(tampered)).status).toBe(403);
    const unsigned = item.tempFileURL.split('?')[0]!;
    expect((await fetch(unsigned)).status).toBe(403);
  });

  it('getTempFileURL reports a missing file per item, not as a failed call', async () => {
    const missing = 'cloud://conformance-env.636f-conformance-env-1250000000/nope.txt';
    const item = await tempUrl(missing);
    expect(item).toMatchObject({ fileID: missing, status: -503003, tempFileURL: '' });
  });

  it('deleteFile: only the uploader may delete; afterwards the file is gone', async () => {
    const fileID = await upload(alice, 'mine/note.txt', 'secret');
    const { tempFileURL } = await tempUrl(fileID);

    const refused = await bob.deleteFile({ fileList: [fileID] });
    expect(refused.fileList).toEqual([
      { fileID, status: -503002, errMsg: 'STORAGE_EXCEED_AUTHORITY' },
    ]);

    const deleted = await alice.deleteFile({ fileList: [fileID] });
    expect(deleted).toEqual({
      fileList: [{ fileID, status: 0, errMsg: 'ok' }],
      errMsg: 'cloud.deleteFile:ok',
    });
    expect((await fetch(tempFileURL)).status).toBe(404);
    expect((await tempUrl(fileID)).status).toBe(-503003);
    const again = await alice.deleteFile({ fileList: [fileID] });
    expect(again.fileList[0]!.status).toBe(-503003);
  });

  it("another user cannot overwrite a user's file; the uploader can", async () => {
    const fileID = await upload(alice, 'own/profile.txt', 'v1');
    const file = tempFile('profile.txt', 'v2');
    const error = (await bob
      .uploadFile({ cloudPath: 'own/profile.txt', filePath: file })
      .catch((e: unknown) => e)) as WxApiError;
    expect(error.errCode).toBe(-503002);
    expect(await upload(alice, 'own/profile.txt', 'v2')).toBe(fileID);
    expect(await (await fetch((await tempUrl(fileID)).tempFileURL)).text()).toBe('v2');
  });

  it('a cloud path that climbs out of storage is refused with INVALID_PARAM', async () => {
    const error = (await alice
      .uploadFile({ cloudPath: '../escape.txt', filePath: tempFile('escape.txt', 'x') })
      .catch((e: unknown) => e)) as WxApiError;
    expect(error.errCode).toBe(-501007);
    expect(error.errMsg).toMatch(/^cloud\.uploadFile:fail /);
  });

  it('the callback form returns an upload task, reports progress, then success and complete', async () => {
    const file = tempFile('cb.txt', 'cb');
    const outcome = await new Promise<string[]>((resolve) => {
      const seen: string[] = [];
      const task = alice.uploadFile({
        cloudPath: 'cb/cb.txt',
        filePath: file,
        success: (res) => seen.push(`success ${res.errMsg}`),
        fail: () => seen.push('fail'),
        complete: () => resolve(seen),
      });
      task.onProgressUpdate((p) => seen.push(`progress ${p.progress} ${p.totalBytesSent}`));
    });
    expect(outcome).toEqual(['progress 100 2', 'success cloud.uploadFile:ok']);
  });

  it('the callback form of deleteFile reports a failure through fail and complete', async () => {
    const outcome = await new Promise<string[]>((resolve) => {
      const seen: string[] = [];
      const returned = alice.deleteFile({
        fileList: [],
        fail: (error) => seen.push(`fail ${error.errCode}`),
        complete: () => resolve(seen),
      });
      expect(returned).toBeUndefined();
    });
    expect(outcome).toEqual(['fail -501007']);
  });
});

describe('storage through the real wx-server-sdk in a function', () => {
  async function sdk(
    ...steps: string[]
  ): Promise<Array<{ ok: boolean; value?: unknown; errMsg?: string }>> {
    const reply = await emulator.callFunction('sdk', { steps }, { openid: 'o-fn' });
    expect(reply.ok).toBe(true);
    return reply.result as Array<{ ok: boolean; value?: unknown }>;
  }

  it('uploadFile, getTempFileURL and deleteFile work from cloud function code', async () => {
    const [uploaded, urls, removed] = await sdk(
      `const r = await cloud.uploadFile({ cloudPath: 'fn/report.txt', fileContent: Buffer.from('from fn') });
       ctx.fileID = r.fileID; return r.fileID;`,
      `const r = await cloud.getTempFileURL({ fileList: [ctx.fileID] }); return r.fileList;`,
      `const r = await cloud.deleteFile({ fileList: [ctx.fileID] }); return r.fileList;`,
    );
    expect(uploaded).toMatchObject({
      ok: true,
      value: expect.stringMatching(/^cloud:\/\/conformance-env\..+\/fn\/report\.txt$/),
    });
    const fileID = uploaded?.value as string;
    const [item] = urls?.value as Array<{ fileID: string; status: number; tempFileURL: string }>;
    expect(item).toMatchObject({ fileID, status: 0 });
    // The URL was served while the file existed; read it through the bridge side too.
    expect(removed).toMatchObject({ ok: true, value: [{ fileID, status: 0 }] });
    expect((await tempUrl(fileID)).status).toBe(-503003);
  });

  it('a file uploaded by a user can be read by a function, and the function can delete it', async () => {
    const fileID = await upload(alice, 'shared/in.txt', 'from user');
    const [read, removed] = await sdk(
      `const r = await cloud.downloadFile({ fileID: ${JSON.stringify(fileID)} }); return r.fileContent.toString();`,
      `const r = await cloud.deleteFile({ fileList: [${JSON.stringify(fileID)}] }); return r.fileList[0].status;`,
    );
    expect(read).toEqual({ ok: true, value: 'from user' });
    expect(removed).toEqual({ ok: true, value: 0 });
  });
});
