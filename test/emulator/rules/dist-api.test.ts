/**
 * The built programmatic API, as another project's Node tests use it:
 * `require('<repo>/emulator/dist/index.js')` gives startEmulator and createWxCloud, typed by
 * emulator/dist/index.d.ts (dist-api-types.ts is compiled by `npm run typecheck` against it).
 */
import path from 'node:path';

const DIST = path.resolve(__dirname, '..', '..', '..', 'emulator', 'dist', 'index.js');

test('the built index exports startEmulator and createWxCloud, and the client database works', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CommonJS file, as a user loads it
  const api = require(DIST) as typeof import('../../../emulator/dist/index');
  expect(typeof api.startEmulator).toBe('function');
  expect(typeof api.createWxCloud).toBe('function');
  const emu = await api.startEmulator({ inMemory: true, port: 0 });
  try {
    await emu.database.handle({ action: 'database.addCollection', collectionName: 'notes' });
    // `notes` has no rule file: the console default for a new collection (PRIVATE) applies.
    const db = api.createWxCloud({ url: emu.url, openid: 'o-dist' }).database();
    const added = await db.collection('notes').add({ data: { text: 'hi' } });
    const read = await db.collection('notes').doc(String(added._id)).get();
    expect(read.data).toMatchObject({ text: 'hi', _openid: 'o-dist' });
    const other = api.createWxCloud({ url: emu.url, openid: 'o-other' }).database();
    expect((await other.collection('notes').get()).data).toEqual([]);
  } finally {
    await emu.stop();
  }
});
