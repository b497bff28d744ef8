/**
 * Every wx-server-sdk version real projects pin, unmodified, against the emulator: the probe
 * function (test/fixtures/sdk-compat-probe) runs database CRUD, aggregate, a transaction, a read
 * of a collection seeded from a console export (test/fixtures/sdk-compat-seed/seed),
 * callFunction, an upload/temp URL/download/delete round trip and cloud calls, and reports each
 * step. The versions live in their own function folders in the cache (setup.ts).
 */
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src';
import { buildEmulator } from '../emulator/host/support';
import { compatProjectDir } from './project';
import { probeName, SDK_VERSIONS } from './versions';

const seedFolder = path.resolve(__dirname, '../fixtures/sdk-compat-seed/seed');

type Step = { ok: true; value: unknown } | { ok: false; error: string };

describe('wx-server-sdk versions against the emulator', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    buildEmulator();
    emu = await startEmulator({
      project: compatProjectDir(),
      inMemory: true,
      logger: 'silent',
      // A collection as the cloud console exports it, dates as {"$date": ...}.
      seedDir: seedFolder,
    });
  });
  afterAll(async () => {
    await emu?.stop();
  });

  test.each(SDK_VERSIONS)('wx-server-sdk@%s runs the probe', async (version) => {
    const name = probeName(version);
    const collection = `c_${name}`;
    emu.messages.accept('o-compat', ['tmpl-compat']);
    const reply = await emu.callFunction(name, { collection, self: name }, { openid: 'o-compat' });
    if (!reply.ok) throw new Error(`probe failed: ${JSON.stringify(reply.body)}`);
    const {
      version: loaded,
      report,
      lookups,
    } = reply.result as { version: string; report: Record<string, Step>; lookups: string[] };
    expect(loaded).toBe(version);
    // Every request went to the emulator on loopback: no host name was ever looked up.
    expect(lookups).toEqual([]);
    expect(report).toEqual({
      createCollection: { ok: true, value: true },
      crud: {
        ok: true,
        value: { gotN: 1, atIsDate: true, updated: 2, total: 2, listed: [2, 5, 10], removed: 1 },
      },
      types: {
        ok: true,
        value: {
          when: '2020-01-02T03:04:05.000Z',
          names: ['Alice'],
          projected: true,
          setN: 7,
          recent: 1,
          page: ['Alice'],
        },
      },
      aggregate: {
        ok: true,
        value: [
          { _id: 'a', sum: 2 },
          { _id: 'b', sum: 5 },
        ],
      },
      transaction: { ok: true, value: { read: 100, rolledBack: true, after: 101 } },
      seed: {
        ok: true,
        value: { item: '豆浆油条', placedAt: '2018-08-31T17:30:00.882Z', pending: 1 },
      },
      callFunction: { ok: true, value: { echo: version, openid: 'o-compat' } },
      storage: {
        ok: true,
        value: {
          fileID: expect.stringMatching(
            new RegExp(
              `^cloud://sdk-compat\\.[^/]+/compat/${version.replace(/\./g, '\\.')}\\.txt$`,
            ),
          ),
          tempUrl: true,
          content: `hello from wx-server-sdk ${version}`,
          deleted: 0,
        },
      },
      openapi: { ok: true, value: 0 },
      subscribeMessage: { ok: true, value: { sent: 0, again: 43101 } },
      qrcode: { ok: true, value: { contentType: 'image/jpeg', png: 'PNG' } },
    });
    expect(emu.messages.list({ touser: 'o-compat' }).at(-1)).toMatchObject({
      functionName: name,
      fields: [{ key: 'thing1', value: `wx-server-sdk ${version}` }],
    });
  });
});
