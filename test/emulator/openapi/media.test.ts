/**
 * Images through the real wx-server-sdk: wxacode.* answer a real PNG QR code (read back with
 * jsQR) with production's contentType and errcodes for bad page/scene/path; imgSecCheck's
 * format, size and risky-content answers; mediaCheckAsync's trace id and its wxa_media_check push.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { MSG_SEC_CHECK_RISKY_WORD, type PlatformPush } from '../../../emulator/src';
import { useOpenapiEmulator } from './support';

const suite = useOpenapiEmulator();

/**
 * The smallest code production draws (280 px), for the tests that do not check the width:
 * drawing a PNG costs about 30 ms in Node but close to a second inside jest (pngjs), in
 * proportion to its pixels.
 */
const SMALL = 280;

function decodeQr(base64: string): { text: string; width: number } {
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('no QR code found in the image');
  return { text: code.data, width: png.width };
}

/** A real PNG of the given size (pngjs), optionally with bytes appended after its end. */
function pngOf(width: number, height: number, trailer = ''): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(255);
  return Buffer.concat([PNG.sync.write(png), Buffer.from(trailer, 'utf8')]);
}

describe('wxacode', () => {
  test('getUnlimited answers a PNG QR code of page and scene, labelled image/jpeg as production', async () => {
    const out = await suite.call('granted', 'wxacode.getUnlimited', {
      scene: 'order=42&t=a.b~c',
      page: 'pages/order/detail',
      width: 300,
    });
    expect(out.ok).toBe(true);
    expect(out.result).toMatchObject({
      contentType: 'image/jpeg',
      errCode: 0,
      errMsg: 'openapi.wxacode.getUnlimited:ok',
    });
    const buffer = out.result?.buffer as string;
    expect(Buffer.from(buffer, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(decodeQr(buffer)).toEqual({
      text: 'pages/order/detail?scene=order=42&t=a.b~c',
      width: 300,
    });
  });

  test('a transparent code is image/png; pages of subpackages exist; check_path:false skips the page check', async () => {
    const hyaline = await suite.call('granted', 'wxacode.getUnlimited', {
      scene: 'a',
      isHyaline: true,
      page: 'shop/pages/menu',
      width: SMALL,
    });
    expect(hyaline.result?.contentType).toBe('image/png');
    const unpublished = await suite.call('granted', 'wxacode.getUnlimited', {
      scene: 'a',
      page: 'pages/new/new',
      checkPath: false,
      width: SMALL,
    });
    expect(unpublished.ok).toBe(true);
  });

  test.each([
    [{ scene: 'x'.repeat(33) }, 40169],
    [{ scene: '中文' }, 40129],
    [{ scene: 'a%20b' }, 40129],
    [{ scene: '' }, 40129],
    [{ scene: 'a', page: '/pages/index/index' }, 41030],
    [{ scene: 'a', page: 'pages/index/index?x=1' }, 41030],
    [{ scene: 'a', page: 'pages/missing/missing' }, 41030],
    [{ scene: 'a', envVersion: 'beta' }, 40097],
  ])('getUnlimited %j fails with %i', async (data, errCode) => {
    const out = await suite.call('granted', 'wxacode.getUnlimited', data);
    expect(out).toMatchObject({ ok: false, errCode });
  });

  test('get and createQRCode encode the path; a path over 128 bytes is 40159', async () => {
    for (const api of ['wxacode.get', 'wxacode.createQRCode']) {
      const out = await suite.call('granted', api, {
        path: 'pages/order/detail?id=42',
        width: SMALL,
      });
      expect(out.result?.contentType).toBe('image/jpeg');
      expect(decodeQr(out.result?.buffer as string)).toEqual({
        text: 'pages/order/detail?id=42',
        width: SMALL,
      });
      const long = await suite.call('granted', api, { path: `pages/a?q=${'长'.repeat(40)}` });
      expect(long).toMatchObject({ ok: false, errCode: 40159 });
    }
  });
});

describe('security.imgSecCheck', () => {
  const check = (value: Buffer, contentType = 'image/png') =>
    suite.run('granted', {
      api: 'security.imgSecCheck',
      imgBase64: value.toString('base64'),
      contentType,
    });

  test('a small clean PNG passes; one carrying the risky word is 87014', async () => {
    expect(await check(pngOf(100, 100))).toMatchObject({ ok: true, result: { errCode: 0 } });
    expect(await check(pngOf(100, 100, MSG_SEC_CHECK_RISKY_WORD))).toMatchObject({
      ok: false,
      errCode: 87014,
    });
  });

  test.each([
    // errCode before the maker: the title's %i takes the second value.
    // One row: the check reads the size from the header, and drawing pixels in jest is slow.
    ['larger than 750 x 1334 px', 40006, () => pngOf(751, 1)],
    ['over 1 MB', 40006, () => Buffer.concat([pngOf(10, 10), Buffer.alloc(1024 * 1024)])],
    ['not an image', 40004, () => Buffer.from('hello, not an image')],
  ])('an image %s fails with %i', async (_name, errCode, make) => {
    expect(await check(make())).toMatchObject({ ok: false, errCode });
  });

  test('no media at all is 41005', async () => {
    expect(await suite.call('granted', 'security.imgSecCheck', {})).toMatchObject({
      ok: false,
      errCode: 41005,
    });
  });
});

describe('security.mediaCheckAsync', () => {
  test('answers a trace id, then produces the wxa_media_check push with the verdict', async () => {
    const pushes: PlatformPush[] = [];
    suite.emu().openapi.platformPushes.setDelivery((push) => void pushes.push(push));
    const base = { mediaType: 2, version: 2, scene: 1, openid: 'o-alice' };
    const clean = await suite.call('granted', 'security.mediaCheckAsync', {
      ...base,
      mediaUrl: 'https://example.com/a.png',
    });
    const risky = await suite.call('granted', 'security.mediaCheckAsync', {
      ...base,
      mediaUrl: `https://example.com/${encodeURIComponent(MSG_SEC_CHECK_RISKY_WORD)}.png`,
    });
    const traceIds = [clean.result?.traceId, risky.result?.traceId];
    expect(traceIds.every((id) => typeof id === 'string')).toBe(true);
    for (let i = 0; pushes.length < 2 && i < 100; i++) await new Promise((r) => setImmediate(r));
    expect(
      pushes.map((p) => [
        p.event,
        p.message.trace_id,
        (p.message.result as { suggest: string }).suggest,
      ]),
    ).toEqual([
      ['wxa_media_check', traceIds[0], 'pass'],
      ['wxa_media_check', traceIds[1], 'risky'],
    ]);
    expect(pushes[1]?.message).not.toHaveProperty('FromUserName');
    expect(pushes[1]?.message).toMatchObject({
      MsgType: 'event',
      Event: 'wxa_media_check',
      version: 2,
      errcode: 0,
      result: { suggest: 'risky', label: 21000 },
      CreateTime: expect.any(Number),
    });
    suite.emu().openapi.platformPushes.setDelivery(undefined);
  });

  test('a bad media_url, media_type or v2 scene is 47001, v2 without openid 40003', async () => {
    const call = (data: Record<string, unknown>) =>
      suite.call('granted', 'security.mediaCheckAsync', data);
    expect((await call({ mediaUrl: 'ftp://x', mediaType: 2 })).errCode).toBe(47001);
    expect((await call({ mediaUrl: 'https://x/a.mp3', mediaType: 3 })).errCode).toBe(47001);
    expect(
      (await call({ mediaUrl: 'https://x/a.mp3', mediaType: 1, version: 2, scene: 1 })).errCode,
    ).toBe(40003);
    const badScene = {
      mediaUrl: 'https://x/a.mp3',
      mediaType: 1,
      version: 2,
      scene: 9,
      openid: 'o-a',
    };
    expect((await call(badScene)).errCode).toBe(47001);
  });
});
