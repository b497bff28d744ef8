/**
 * @jest-environment jsdom
 *
 * pages/profile rendered from its real WXML: the avatar goes through wx.cloud.uploadFile (on
 * 保存, to a path reserveAvatarUpload hands out) into the emulator's storage, the form submit
 * calls the real updateUserInfo. Only wx.* is stubbed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
// From its own module: the emulator index pulls in bson, whose browser build jsdom cannot load.
import { MSG_SEC_CHECK_RISKY_WORD } from '../../../emulator/src/openapi/msg-sec-check';
import { appSession, installSession, PROFILE_LIMITS } from 'wx-cloud-login-miniprogram';
import { newOpenid } from '../support/counting-cloud';
import { chooseRadio, tapSubmit, typeInto } from '../support/form-runtime';
import { fire, renderPage, textOf, type RenderedPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('profile', 'profile');
let tempDir: string;

beforeAll(() => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'profile-page-'));
});
afterAll(() => {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

/** A logged-in user opening the profile page. */
async function openProfile(): Promise<RenderedPage> {
  suite.bridge.openid = newOpenid('profile');
  suite.wx.storage.clear();
  suite.wx.privacy.needAuthorization = false;
  suite.wx.unsupported.clear();
  installSession();
  await appSession().ensureLogin();
  suite.wx.cloud.reset();
  suite.wx.calls.splice(0);
  return renderPage(suite.pageId);
}

/** Types the nickname, picks the gender and taps 保存, all through the rendered form. */
function fillAndSave(page: RenderedPage, nickName: string, gender: number): void {
  typeInto(page, '.nickname', nickName);
  chooseRadio(page, '.gender', gender);
  if (!tapSubmit(page, '.profile-form')) throw new Error('保存 is disabled');
}

/** GET over HTTP (the jsdom environment has no fetch). */
function download(url: string): Promise<{ status: number; body: Buffer; type: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
          type: String(res.headers['content-type']),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

const data = (page: RenderedPage) =>
  page.data as { avatarUrl: string; fieldErrors: Record<string, string> };

describe('pages/profile', () => {
  it('a valid nickname and gender are saved; a toast shows and the page goes back', async () => {
    const page = await openProfile();
    fillAndSave(page, '  小红  ', 2);
    await waitFor(() => suite.wx.callsOf('navigateBack').length === 1, 'navigateBack');

    expect(suite.wx.callsOf('showToast')).toEqual([{ title: '已保存', icon: 'success' }]);
    expect(suite.wx.cloud.calls).toEqual(['updateUserInfo']);
    expect(suite.wx.openLoadings()).toBe(0);
    // The home page reads the stored user: it sees the change without another call.
    expect(appSession().current()?.user).toMatchObject({ nickName: '小红', gender: 2 });
    const checked = await appSession().callAuthenticated('checkSession', { withUser: true });
    expect(checked.user).toMatchObject({ nickName: '小红', gender: 2 });
  });

  it('a nickname the server refuses is shown next to the nickname field; the page stays', async () => {
    const page = await openProfile();
    const tooLong = '长'.repeat(PROFILE_LIMITS.nickName.maxLength + 1);
    fillAndSave(page, tooLong, 1);
    await waitFor(() => Boolean(data(page).fieldErrors.nickName), 'the nickname error');

    expect(suite.wx.cloud.calls).toEqual(['updateUserInfo']); // the server decided, not the page
    expect(textOf(page, '.error-nickName')).toBe(
      `昵称最多 ${PROFILE_LIMITS.nickName.maxLength} 个字`,
    );
    expect(textOf(page, '.error-avatarUrl')).toBeNull();
    expect(suite.wx.callsOf('navigateBack')).toHaveLength(0);
    expect(suite.wx.callsOf('showToast')).toHaveLength(0);
    expect(appSession().current()?.user.nickName).toBe('');
  });

  it('a nickname the platform judges risky is refused next to the field (msgSecCheck)', async () => {
    const page = await openProfile();
    fillAndSave(page, `小${MSG_SEC_CHECK_RISKY_WORD}`, 0);
    await waitFor(() => Boolean(data(page).fieldErrors.nickName), 'the nickname error');
    expect(textOf(page, '.error-nickName')).toBe('昵称含有不适宜的内容，请修改');
    expect(appSession().current()?.user.nickName).toBe('');
  });

  it('an empty nickname is caught on the page without a call', async () => {
    const page = await openProfile();
    fillAndSave(page, '   ', 0);
    await waitFor(() => Boolean(data(page).fieldErrors.nickName), 'the nickname error');
    expect(textOf(page, '.error-nickName')).toBe('请填写昵称');
    expect(suite.wx.cloud.calls).toEqual([]);
  });

  it('a chosen avatar is shown at once, uploaded on 保存 and saved as a cloud file ID', async () => {
    const page = await openProfile();
    const bytes = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'); // a PNG header
    const tempPath = path.join(tempDir, 'tmp_avatar.png');
    writeFileSync(tempPath, bytes);

    fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: tempPath });
    await waitFor(() => data(page).avatarUrl === tempPath, 'the picked avatar shown');
    // The placeholder gave way to the image (simulate does not reflect image src to the DOM).
    expect(textOf(page, '.avatar-empty')).toBeNull();
    expect(suite.wx.cloud.calls).toEqual([]); // nothing uploaded before 保存

    fillAndSave(page, '带头像', 0);
    await waitFor(() => suite.wx.callsOf('navigateBack').length === 1, 'navigateBack');
    expect(suite.wx.cloud.calls).toEqual(['reserveAvatarUpload', 'updateUserInfo']);
    const fileID = appSession().current()?.user.avatarUrl ?? '';
    expect(fileID).toMatch(/^cloud:\/\/[^./]+\.[^/]+\/avatars\/[0-9a-f]{32}\/[0-9a-f]{24}\.png$/);
    expect(appSession().current()?.user.nickName).toBe('带头像');

    // The file is really in the emulator's storage, served over HTTP.
    const { fileList } = await suite.bridge.getTempFileURL({ fileList: [fileID] });
    const served = await download(fileList[0]!.tempFileURL);
    expect(served.status).toBe(200);
    expect(served.body.equals(bytes)).toBe(true);
    expect(served.type).toBe('image/png');
  });

  it('a failed upload is shown next to the avatar and brings the old avatar back', async () => {
    const tempPath = path.join(tempDir, 'old_avatar.png');
    writeFileSync(tempPath, Buffer.from('89504e470d0a1a0a', 'hex'));
    await openProfile(); // logs in; the page under test is rendered once the avatar is saved
    const { cloudPath } = await appSession().callAuthenticated('reserveAvatarUpload', {});
    const { fileID: oldAvatar } = await suite.bridge.uploadFile({ cloudPath, filePath: tempPath });
    const { user } = await appSession().callAuthenticated('updateUserInfo', {
      profile: { avatarUrl: oldAvatar },
    });
    appSession().setUser(user);
    const page = renderPage(suite.pageId);
    expect(data(page).avatarUrl).toBe(oldAvatar);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: path.join(tempDir, 'gone.png') });
    fillAndSave(page, '旧头像', 0);
    await waitFor(() => Boolean(data(page).fieldErrors.avatarUrl), 'the avatar error');
    expect(textOf(page, '.error-avatarUrl')).toBe('头像上传失败，请重试');
    expect(data(page).avatarUrl).toBe(oldAvatar);
    expect(suite.wx.callsOf('navigateBack')).toHaveLength(0);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('avatar upload failed'));
    errors.mockRestore();
  });
});
