/**
 * Storage security rules under attack: each test is a request a mini program user (or a
 * modified client) can send through wx.cloud storage, against the rule in force. Production
 * judges uploads, overwrites and deletes by `write` and temp URLs by `read`, with
 * `resource.openid` the file's uploader (none for files written by functions or admin).
 */
import type { WxApiError } from '../../../emulator/src/bridge';
import { formatFileId } from '../../../emulator/src/storage';
import { ENV, startStorageHarness, type StorageHarness } from './support';

const DENIED = -503002;
const NONEXIST = -503003;

function errCodeOf(result: string | WxApiError): number | string {
  return typeof result === 'string' ? `uploaded ${result}` : result.errCode;
}

describe('default rule (no storage/security-rules.json): all read, creator-only write', () => {
  let h: StorageHarness;
  beforeAll(async () => {
    h = await startStorageHarness();
  });
  afterAll(() => h.stop());

  it('a client cannot overwrite a file a function wrote, nor take it over', async () => {
    const fileID = await h.adminUpload('config/banner.txt', 'official');
    expect(errCodeOf(await h.upload('o-mallory', 'config/banner.txt', 'defaced'))).toBe(DENIED);
    expect(await h.adminRead(fileID)).toBe('official');
    // Still no client owner: the attacker's second try is refused the same way.
    expect(errCodeOf(await h.upload('o-mallory', 'config/banner.txt', 'defaced'))).toBe(DENIED);
  });

  it("a function overwriting a user's file leaves it with no client owner", async () => {
    const fileID = (await h.upload('o-alice', 'posts/photo.txt', 'original')) as string;
    await h.adminUpload('posts/photo.txt', 'moderated');
    expect(errCodeOf(await h.upload('o-alice', 'posts/photo.txt', 'back again'))).toBe(DENIED);
    const removed = await h.as('o-alice').deleteFile({ fileList: [fileID] });
    expect(removed.fileList[0]).toMatchObject({ status: DENIED });
    expect(await h.adminRead(fileID)).toBe('moderated');
  });

  it('a client cannot delete a file a function wrote', async () => {
    const fileID = await h.adminUpload('config/terms.txt', 'terms');
    const { fileList } = await h.as('o-mallory').deleteFile({ fileList: [fileID] });
    expect(fileList).toEqual([{ fileID, status: DENIED, errMsg: 'STORAGE_EXCEED_AUTHORITY' }]);
    expect(await h.adminRead(fileID)).toBe('terms');
  });

  it("a fileID naming another bucket of the same env is not this environment's file", async () => {
    const fileID = await h.upload('o-alice', 'notes/a.txt', 'mine');
    expect(fileID).toBe(formatFileId(ENV, 'notes/a.txt'));
    const foreign = `cloud://${ENV}.7465-other-bucket-1250000001/notes/a.txt`;
    const alice = h.as('o-alice');
    const urls = await alice.getTempFileURL({ fileList: [foreign] });
    expect(urls.fileList[0]).toMatchObject({ fileID: foreign, status: NONEXIST, tempFileURL: '' });
    const removed = await alice.deleteFile({ fileList: [foreign] });
    expect(removed.fileList[0]).toMatchObject({ fileID: foreign, status: NONEXIST });
    expect(await h.adminRead(fileID as string)).toBe('mine');
  });

  it('two users racing to upload one new path: one owns it, the other is refused', async () => {
    // Which request reaches the emulator first is up to the network; exactly one may win.
    const results = await Promise.all([
      h.upload('o-alice', 'race/pic.txt', 'o-alice'),
      h.upload('o-bob', 'race/pic.txt', 'o-bob'),
    ]);
    const won = results.map((r, i) => (typeof r === 'string' ? i : -1)).filter((i) => i >= 0);
    expect(won).toHaveLength(1);
    const winner = won[0]!;
    expect(errCodeOf(results[1 - winner]!)).toBe(DENIED);
    const stored = await h.adminRead(results[winner] as string);
    expect(stored).toBe(winner === 0 ? 'o-alice' : 'o-bob');
  });
});

describe('presets from the project file', () => {
  let h: StorageHarness;
  beforeAll(async () => {
    h = await startStorageHarness('PRIVATE');
  });
  afterAll(() => h.stop());

  it("PRIVATE: another user gets no temp URL for a user's file; the uploader does", async () => {
    const fileID = (await h.upload('o-alice', 'private/diary.txt', 'dear diary')) as string;
    const stolen = await h.as('o-bob').getTempFileURL({ fileList: [fileID] });
    expect(stolen.fileList[0]).toMatchObject({ fileID, status: DENIED, tempFileURL: '' });
    const own = await h.as('o-alice').getTempFileURL({ fileList: [fileID] });
    expect(own.fileList[0]).toMatchObject({ fileID, status: 0 });
  });

  it('ADMINWRITE: no client upload, not even a new path; nothing is stored', async () => {
    h.writeRule('ADMINWRITE');
    const result = await h.upload('o-alice', 'admin-only/new.txt', 'x');
    expect(errCodeOf(result)).toBe(DENIED);
    expect(await h.adminRead(formatFileId(ENV, 'admin-only/new.txt'))).toBeNull();
  });

  it('ADMINONLY: a client can neither read nor delete its own earlier upload', async () => {
    h.writeRule('READONLY');
    const fileID = (await h.upload('o-alice', 'locked/own.txt', 'own')) as string;
    h.writeRule('ADMINONLY');
    const alice = h.as('o-alice');
    const urls = await alice.getTempFileURL({ fileList: [fileID] });
    expect(urls.fileList[0]).toMatchObject({ status: DENIED, tempFileURL: '' });
    const removed = await alice.deleteFile({ fileList: [fileID] });
    expect(removed.fileList[0]).toMatchObject({ status: DENIED });
    expect(await h.adminRead(fileID)).toBe('own');
  });
});

describe('custom rules with resource.openid and auth.openid', () => {
  let h: StorageHarness;
  beforeAll(async () => {
    h = await startStorageHarness({ read: true, write: "auth.openid == 'o-editor'" });
  });
  afterAll(() => h.stop());

  it('write judged by auth.openid: the editor uploads, anyone else is refused', async () => {
    expect(typeof (await h.upload('o-editor', 'cms/page.txt', 'v1'))).toBe('string');
    expect(errCodeOf(await h.upload('o-alice', 'cms/other.txt', 'x'))).toBe(DENIED);
    expect(errCodeOf(await h.upload('o-alice', 'cms/page.txt', 'defaced'))).toBe(DENIED);
    expect(await h.adminRead(formatFileId(ENV, 'cms/page.txt'))).toBe('v1');
  });

  it("the docs' non-WeChat line (resource.openid == auth.uid) does not open admin files", async () => {
    // A mini program caller has no auth.uid; an admin file has no owner: neither is "equal".
    h.writeRule({ read: 'resource.openid == auth.uid', write: 'resource.openid == auth.uid' });
    const fileID = await h.adminUpload('system/key.txt', 'secret');
    const mallory = h.as('o-mallory');
    const urls = await mallory.getTempFileURL({ fileList: [fileID] });
    expect(urls.fileList[0]).toMatchObject({ status: DENIED, tempFileURL: '' });
    expect(errCodeOf(await h.upload('o-mallory', 'system/key.txt', 'x'))).toBe(DENIED);
    const removed = await mallory.deleteFile({ fileList: [fileID] });
    expect(removed.fileList[0]).toMatchObject({ status: DENIED });
    expect(await h.adminRead(fileID)).toBe('secret');
  });

  it('a rule file broken while running refuses every client request, not fall back to open', async () => {
    h.writeRule({ read: true, write: true });
    const fileID = (await h.upload('o-alice', 'broken/a.txt', 'a')) as string;
    h.writeRule('!{ "read": true, "write": ');
    const alice = h.as('o-alice');
    expect(errCodeOf(await h.upload('o-alice', 'broken/b.txt', 'b'))).toBe(DENIED);
    const urls = await alice.getTempFileURL({ fileList: [fileID] });
    expect(urls.fileList[0]).toMatchObject({ status: DENIED });
  });
});
