/**
 * @jest-environment jsdom
 *
 * Avatar uploads are never orphaned (issue 26 item 1; the client side of issue 21 item 1):
 * pages/profile rendered from its real WXML against the emulator's storage and functions. A
 * picked photo is uploaded when 保存 is tapped, to a path the server handed out; a failed save
 * deletes its upload; deleting the account leaves no file behind. Only wx.* is stubbed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MSG_SEC_CHECK_RISKY_WORD } from '../../../emulator/src/openapi/msg-sec-check';
import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { newOpenid } from '../support/counting-cloud';
import { tapSubmit, typeInto } from '../support/form-runtime';
import { fire, renderPage, textOf, type RenderedPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('profile', 'avatar');
let tempDir: string;
/** Every file ID wx.cloud.uploadFile answered during the test. */
let uploaded: string[];
/** Every wx.cloud.deleteFile the page started, to wait for. */
let deletions: Array<Promise<unknown>>;

beforeAll(() => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'profile-avatar-'));
});
afterAll(() => {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

function photo(name: string): string {
  const file = path.join(tempDir, name);
  writeFileSync(file, Buffer.from(`89504e470d0a1a0a${Buffer.from(name).toString('hex')}`, 'hex'));
  return file;
}

type WxCloud = Pick<typeof wx.cloud, 'uploadFile' | 'deleteFile'>;
let watching = false;

/** Records what the page uploads and deletes, through the global wx.cloud the page calls. */
function watchStorageCalls(): void {
  if (watching) return;
  watching = true;
  const cloud = (globalThis as unknown as { wx: { cloud: WxCloud } }).wx.cloud;
  const upload = cloud.uploadFile.bind(cloud) as (p: object) => Promise<{ fileID: string }>;
  const remove = cloud.deleteFile.bind(cloud) as (p: object) => Promise<unknown>;
  Object.assign(cloud, {
    uploadFile: async (param: object) => {
      const result = await upload(param);
      uploaded.push(result.fileID);
      return result;
    },
    deleteFile: (param: object) => {
      const pending = remove(param);
      deletions.push(pending);
      return pending;
    },
  });
}

async function openProfile(): Promise<RenderedPage> {
  suite.bridge.openid = newOpenid('avatar');
  suite.wx.storage.clear();
  suite.wx.privacy.needAuthorization = false;
  installSession();
  await appSession().ensureLogin();
  suite.wx.cloud.reset();
  suite.wx.calls.splice(0);
  uploaded = [];
  deletions = [];
  watchStorageCalls();
  return renderPage(suite.pageId);
}

async function stored(fileID: string): Promise<boolean> {
  const { fileList } = await suite.bridge.getTempFileURL({ fileList: [fileID] });
  return fileList[0]?.status === 0;
}

function save(page: RenderedPage, nickName: string): void {
  typeInto(page, '.nickname', nickName);
  if (!tapSubmit(page, '.profile-form')) throw new Error('保存 is disabled');
}

describe('pages/profile: avatar uploads are never orphaned', () => {
  it('picks twice, saves, deletes the account: no file is left', async () => {
    const page = await openProfile();
    fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: photo('first.png') });
    fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: photo('second.png') });
    save(page, '换了两次');
    await waitFor(() => suite.wx.callsOf('navigateBack').length === 1, 'navigateBack');
    const avatar = appSession().current()?.user.avatarUrl ?? '';
    expect(avatar).toMatch(/^cloud:\/\/[^/]+\/avatars\/[0-9a-f]{32}\/[0-9a-f]{24}\.png$/);
    expect(uploaded).toEqual([avatar]); // only the photo that was saved went up

    await appSession().callAuthenticated('deleteAccount', {});
    for (const fileID of uploaded) expect(await stored(fileID)).toBe(false);
  });

  it('a save the server refuses deletes its upload; the avatar stays picked for a retry', async () => {
    const page = await openProfile();
    fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: photo('refused.png') });
    save(page, `小${MSG_SEC_CHECK_RISKY_WORD}`);
    await waitFor(() => Boolean(textOf(page, '.error-nickName')), 'the nickname error');
    expect(uploaded).toHaveLength(1);
    await waitFor(() => deletions.length === 1, 'the refused upload deleted');
    await Promise.all(deletions);
    expect(await stored(uploaded[0]!)).toBe(false);

    save(page, '小明');
    await waitFor(() => suite.wx.callsOf('navigateBack').length === 1, 'navigateBack');
    expect(uploaded).toHaveLength(2);
    expect(appSession().current()?.user.avatarUrl).toBe(uploaded[1]);
    expect(await stored(uploaded[1]!)).toBe(true);
  });
});
