/**
 * Storage rules harness: a real emulator (in memory) on a throwaway project whose
 * `storage/security-rules.json` the test writes, mini program users through the wx.cloud
 * bridge, and admin-side writes made the way the real wx-server-sdk makes them
 * (`storage.getUploadMetadata` on /admin, then a PUT to the signed URL).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWxCloud, startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import type { BridgeWxCloud, WxApiError } from '../../../emulator/src/bridge';

export const ENV = 'rules-env';

export interface StorageHarness {
  emu: RunningEmulator;
  project: string;
  /** The wx.cloud of a mini program user. */
  as(openid: string): BridgeWxCloud;
  /** Uploads `content` to `cloudPath` as `openid`; resolves the file ID or the wx error. */
  upload(openid: string, cloudPath: string, content: string): Promise<string | WxApiError>;
  /** Writes a file with admin rights, as a cloud function's uploadFile does. */
  adminUpload(cloudPath: string, content: string): Promise<string>;
  /** Reads a file's bytes through a temp URL made with admin rights (bypasses rules). */
  adminRead(fileID: string): Promise<string | null>;
  writeRule(rule: unknown): void;
  stop(): Promise<void>;
}

export async function startStorageHarness(rule?: unknown): Promise<StorageHarness> {
  const project = mkdtempSync(path.join(tmpdir(), 'wx-storage-rules-'));
  writeFileSync(path.join(project, 'cloudbaserc.json'), JSON.stringify({ envId: ENV }));
  const writeRule = (value: unknown) => {
    mkdirSync(path.join(project, 'storage'), { recursive: true });
    const text =
      typeof value === 'string' && value.startsWith('!') ? value.slice(1) : JSON.stringify(value);
    writeFileSync(path.join(project, 'storage', 'security-rules.json'), text);
  };
  if (rule !== undefined) writeRule(rule);
  const emu = await startEmulator({ project, inMemory: true, port: 0 });
  const files = mkdtempSync(path.join(tmpdir(), 'wx-storage-files-'));
  let counter = 0;
  const admin = async (body: Record<string, unknown>) => {
    const reply = await fetch(`${emu.url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await reply.json()) as { data?: Record<string, unknown>; code?: string };
  };
  return {
    emu,
    project,
    as: (openid) => createWxCloud({ url: emu.url, openid }),
    async upload(openid, cloudPath, content) {
      counter += 1;
      const filePath = path.join(files, `${counter}.bin`);
      writeFileSync(filePath, content);
      return createWxCloud({ url: emu.url, openid })
        .uploadFile({ cloudPath, filePath })
        .then(
          (result) => result.fileID,
          (error: unknown) => error as WxApiError,
        );
    },
    async adminUpload(cloudPath, content) {
      const meta = await admin({ action: 'storage.getUploadMetadata', path: cloudPath });
      const { url, fileId } = meta.data as { url: string; fileId: string };
      const put = await fetch(url, { method: 'PUT', body: content });
      if (put.status !== 200) throw new Error(`admin upload refused: ${put.status}`);
      return fileId;
    },
    async adminRead(fileID) {
      const reply = await admin({
        action: 'storage.batchGetDownloadUrl',
        file_list: [{ fileid: fileID, max_age: 60 }],
      });
      const [item] = (reply.data?.download_list ?? []) as Array<{ tempFileURL?: string }>;
      if (!item?.tempFileURL) return null;
      const served = await fetch(item.tempFileURL);
      return served.status === 200 ? served.text() : null;
    },
    writeRule,
    async stop() {
      await emu.stop();
      rmSync(project, { recursive: true, force: true });
      rmSync(files, { recursive: true, force: true });
    },
  };
}
