/**
 * What leaves the emulator (issue 10): exports stay in the project, downloads cannot run as
 * pages, old links die with their file, the invocation log keeps no secrets, answers name no
 * folder of this machine.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { requestJson } from '../../../emulator/src/http/json-client';
import { buildEmulator, fixtureProject } from '../host/support';
import { attack, codeOf } from './support';

let emu: RunningEmulator;
const json = 'application/json';

beforeAll(async () => {
  buildEmulator();
  emu = await startEmulator({ project: fixtureProject });
});
afterAll(async () => {
  await emu?.stop();
  rmSync(path.join(fixtureProject, '.cloudbase', 'exports'), { recursive: true, force: true });
});

test('export and import stay inside <project>/.cloudbase/exports', async () => {
  const outside = path.join(fixtureProject, '..', `escaped-${process.pid}`);
  for (const name of ['../escaped', outside, '/tmp/x', 'a/b', '..', '.hidden']) {
    const reply = await attack(emu, '/api/export', { type: json, body: JSON.stringify({ name }) });
    expect({ name, status: reply.status }).toEqual({ name, status: 400 });
    expect(reply.text).not.toContain(fixtureProject);
    const imported = await attack(emu, '/api/import', {
      type: json,
      body: JSON.stringify({ dir: name }),
    });
    expect(imported.status).toBe(400);
  }
  expect(existsSync(outside)).toBe(false);
  const ok = await attack(emu, '/api/export', {
    type: json,
    body: JSON.stringify({ name: 'kept-1' }),
  });
  expect(ok.body).toMatchObject({ dir: '.cloudbase/exports/kept-1' });
  const missing = await attack(emu, '/api/import', {
    type: json,
    body: '{"name":"never-written"}',
  });
  expect(missing.status).toBe(400);
  expect(missing.text).not.toContain(fixtureProject);
});

async function upload(cloudPath: string, content: string): Promise<string> {
  return (await uploadFile(cloudPath, content)).url;
}

async function uploadFile(
  cloudPath: string,
  content: string,
): Promise<{ url: string; fileID: string }> {
  const reply = await attack(emu, `/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'PUT',
    type: 'application/octet-stream',
    body: content,
    headers: { 'x-wx-openid': 'o-uploader' },
  });
  expect(reply.status).toBe(200);
  const fileID = (reply.body as { fileID: string }).fileID;
  const urls = await attack(emu, '/storage/temp-urls', {
    type: json,
    body: JSON.stringify({ fileList: [fileID] }),
    headers: { 'x-wx-openid': 'o-uploader' },
  });
  const url = (urls.body as { fileList: Array<{ tempFileURL: string }> }).fileList[0]!.tempFileURL;
  return { url, fileID };
}

test('an uploaded SVG downloads as an attachment under a sandboxing CSP; a PNG still shows', async () => {
  const svg = await fetch(await upload('evil/x.svg', '<svg onload="fetch(\'/api/reset\')"/>'));
  expect(svg.status).toBe(200);
  expect(svg.headers.get('content-disposition')).toMatch(/^attachment/);
  expect(svg.headers.get('x-content-type-options')).toBe('nosniff');
  expect(svg.headers.get('content-security-policy')).toContain('sandbox');
  const png = await fetch(await upload('ok/x.png', 'png-bytes'));
  expect(png.headers.get('content-disposition')).toBeNull();
  expect(png.headers.get('content-security-policy')).toContain('sandbox');
});

test('a temp URL stops working when its file is deleted or replaced', async () => {
  const first = await upload('avatars/a.png', 'v1');
  expect(await (await fetch(first)).text()).toBe('v1');
  // The file ID as the upload answered it: one naming another bucket is no file here.
  const { url: second, fileID } = await uploadFile('avatars/a.png', 'v2');
  expect((await fetch(first)).status).toBe(404);
  expect(await (await fetch(second)).text()).toBe('v2');
  await attack(emu, '/storage/delete', {
    type: json,
    body: JSON.stringify({ fileList: [fileID] }),
    headers: { 'x-wx-openid': 'o-uploader' },
  });
  expect((await fetch(second)).status).toBe(404);
});

test('a path conflict in storage is a 4xx with a plain reason', async () => {
  await upload('conflict/file', 'x');
  const reply = await attack(emu, '/storage/upload?cloudPath=conflict/file/inner.txt', {
    method: 'PUT',
    type: 'application/octet-stream',
    body: 'y',
    headers: { 'x-wx-openid': 'o-uploader' },
  });
  expect(reply.status).toBe(400);
  expect(reply.text).toContain('conflicts with an existing file');
  expect(reply.text).not.toContain(fixtureProject);
});

test('the invocation log shows no session token or one-time code in full', async () => {
  const token = 'tok_' + 'x'.repeat(40);
  const code = 'c0de'.repeat(16);
  const reply = await emu.callFunction(
    'echo',
    { token, code, sessionToken: token },
    { openid: 'o-log' },
  );
  expect(reply.status).toBe(200);
  const log = await requestJson(`${emu.url}/api/invocations`, { method: 'GET', agent: false });
  expect(log.text).toContain('o-log');
  expect(log.text).not.toContain(token);
  expect(log.text).not.toContain(code);
  expect(log.text).toContain('[redacted');
});

test('no answer carries an absolute path of this machine', async () => {
  const missing = await emu.callFunction('listedButMissing', {}, { openid: 'o-paths' });
  expect(missing.status).toBe(404);
  expect(missing.errMsg).toContain('index.js');
  expect(missing.errMsg).not.toContain(fixtureProject);
  expect(codeOf(await attack(emu, '/api/nowhere', { method: 'GET' }))).toBe('NOT_FOUND');
});
