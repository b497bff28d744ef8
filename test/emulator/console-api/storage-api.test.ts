import { startHarness, type ConsoleHarness } from './support';

interface StorageReply {
  available: boolean;
  files: {
    fileID: string;
    path: string;
    size: number;
    contentType?: string;
    owner?: string;
    url?: string;
  }[];
}

// A 1x1 PNG: what a chooseAvatar upload looks like, minus the pixels.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('console API: storage', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.emu.stop();
  });

  test('lists uploaded files with a preview URL that serves the image', async () => {
    expect((await h.api<StorageReply>('GET', '/api/storage')).body).toEqual({
      available: true,
      files: [],
    });
    const upload = await fetch(`${h.emu.url}/storage/upload?cloudPath=avatars/o-1.png`, {
      method: 'PUT',
      headers: { 'x-wx-openid': 'o-storage-1' },
      body: PNG,
    });
    expect(upload.status).toBe(200);

    const listed = await h.api<StorageReply>('GET', '/api/storage');
    expect(listed.body.files).toHaveLength(1);
    const file = listed.body.files[0];
    expect(file).toMatchObject({
      path: 'avatars/o-1.png',
      size: PNG.length,
      contentType: 'image/png',
      owner: 'o-storage-1',
    });
    expect(file?.fileID).toMatch(/^cloud:\/\/.+avatars\/o-1\.png$/);
    const preview = await fetch(file?.url ?? '');
    expect(preview.status).toBe(200);
    expect(Buffer.from(await preview.arrayBuffer())).toEqual(PNG);
  });
});
