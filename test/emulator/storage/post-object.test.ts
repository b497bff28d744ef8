/**
 * The COS PostObject upload wx-server-sdk 1.x-3.x send (a multipart POST to the URL of
 * `storage.getUploadMetadata`, XML replies). The SDKs themselves run it in the compat suite
 * (npm run test:sdk-compat); here are the refusals a forged or broken form must get.
 */
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';

const FIXTURE_PROJECT = path.join(__dirname, '..', '..', 'fixtures', 'conformance-project');

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ project: FIXTURE_PROJECT, inMemory: true, port: 0 });
});
afterAll(async () => {
  await emu?.stop();
});

async function uploadUrl(cloudPath: string): Promise<{ url: string; fileId: string }> {
  const res = await fetch(emu.adminUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'storage.getUploadMetadata', path: cloudPath }),
  });
  return ((await res.json()) as { data: { url: string; fileId: string } }).data;
}

function form(key: string, content: string | undefined): FormData {
  const body = new FormData();
  body.set('key', key);
  body.set('Signature', 'emulator');
  body.set('x-cos-security-token', 'emulator');
  if (content !== undefined) body.set('file', new Blob([content]), 'blob');
  return body;
}

async function stored(fileId: string): Promise<string | null> {
  const res = await fetch(emu.adminUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      action: 'storage.batchGetDownloadUrl',
      file_list: [{ fileid: fileId, max_age: 60 }],
    }),
  });
  const [item] = ((await res.json()) as { data: { download_list: { tempFileURL: string }[] } }).data
    .download_list;
  if (!item?.tempFileURL) return null;
  return (await fetch(item.tempFileURL)).text();
}

describe('COS PostObject uploads (wx-server-sdk 1.x to 3.x)', () => {
  test('a signed form is stored and answered 204 with no body, as COS does', async () => {
    const { url, fileId } = await uploadUrl('post/ok.txt');
    const res = await fetch(url, { method: 'POST', body: form('post/ok.txt', 'posted') });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(await stored(fileId)).toBe('posted');
  });

  test('a form whose key names another path is refused with an XML error, nothing stored', async () => {
    const { url, fileId } = await uploadUrl('post/mine.txt');
    const res = await fetch(url, { method: 'POST', body: form('post/other.txt', 'x') });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/<Code>InvalidArgument<\/Code>/);
    expect(await stored(fileId)).toBeNull();
  });

  test('an edited or unsigned URL is AccessDenied', async () => {
    const { url } = await uploadUrl('post/signed.txt');
    const forged = url.replace('post/signed.txt', 'post/forged.txt');
    const res = await fetch(forged, { method: 'POST', body: form('post/forged.txt', 'x') });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/<Code>AccessDenied<\/Code>.*bad-signature/);
  });

  test('a form with no file part is refused', async () => {
    const { url } = await uploadUrl('post/empty.txt');
    const res = await fetch(url, { method: 'POST', body: form('post/empty.txt', undefined) });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/no file part/);
  });

  test('a web page cannot post the form (multipart needs no preflight): any Origin is refused', async () => {
    const { url, fileId } = await uploadUrl('post/page.txt');
    const res = await fetch(url, {
      method: 'POST',
      headers: { origin: 'https://attacker.example' },
      body: form('post/page.txt', 'x'),
    });
    expect(res.status).toBe(403);
    expect(await stored(fileId)).toBeNull();
  });
});
