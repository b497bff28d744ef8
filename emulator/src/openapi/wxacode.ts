/**
 * `wxacode.getUnlimited`, `wxacode.get` and `wxacode.createQRCode`. Production draws a WeChat
 * "mini program code"; the emulator answers a real PNG of an ordinary QR code (made by the
 * `qrcode` package) whose text names what the code opens, so a test can decode it:
 * `<page>?scene=<scene>` for getUnlimited, the `path` for the other two.
 * The SDK hands the caller `{ contentType, buffer }` with production's content type:
 * `image/jpeg`, or `image/png` for a transparent (`is_hyaline`) code. The bytes are PNG either way.
 */
import { miniProgramPages } from './mini-program-pages';
import { BinaryReply, type ApiReply, type JsonReply } from './types';

/** Production: at most 32 visible characters, digits, letters and !#$&'()*+,/:;=?@-._~ */
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;
const SCENE_MAX = 32;
/** Production: `path` of wxacode.get / createQRCode at most 128 bytes. */
const PATH_MAX_BYTES = 128;
const WIDTH = { min: 280, max: 1280, default: 430 };
const ENV_VERSIONS = ['release', 'trial', 'develop'];

const fail = (errcode: number, errmsg: string): JsonReply => ({ errcode, errmsg });

function width(params: Record<string, unknown>): number {
  const asked = typeof params.width === 'number' ? params.width : WIDTH.default;
  // Production draws out-of-range widths at the nearest limit rather than refusing them.
  return Math.min(WIDTH.max, Math.max(WIDTH.min, Math.round(asked)));
}

async function draw(text: string, params: Record<string, unknown>): Promise<BinaryReply> {
  const transparent = params.is_hyaline === true;
  // Loaded on the first code drawn: most emulator starts never draw one.
  const { default: QRCode } = await import('qrcode');
  const png = await QRCode.toBuffer(text, {
    type: 'png',
    width: width(params),
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: '#000000ff', light: transparent ? '#00000000' : '#ffffffff' },
  });
  return new BinaryReply(png, transparent ? 'image/png' : 'image/jpeg');
}

export async function getUnlimited(
  params: Record<string, unknown>,
  projectDir: string,
): Promise<ApiReply> {
  const { scene, page = '' } = params;
  if (typeof scene !== 'string' || scene === '')
    return fail(40129, 'invalid scene, hint: [emulator: scene is required]');
  if ([...scene].length > SCENE_MAX)
    return fail(
      40169,
      `invalid length for scene, hint: [emulator: at most ${SCENE_MAX} characters]`,
    );
  if (!SCENE_CHARS.test(scene))
    return fail(
      40129,
      "invalid scene, hint: [emulator: only digits, letters and !#$&'()*+,/:;=?@-._~]",
    );
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) {
    return fail(
      41030,
      'invalid page, hint: [emulator: no leading / and no query string; put parameters in scene]',
    );
  }
  const envVersion = params.env_version ?? 'release';
  if (typeof envVersion !== 'string' || !ENV_VERSIONS.includes(envVersion))
    return fail(40097, 'invalid args: env_version');
  if (page !== '' && params.check_path !== false) {
    const pages = miniProgramPages(projectDir);
    if (pages && !pages.has(page))
      return fail(41030, `invalid page, hint: [emulator: ${page} is not a page of app.json]`);
  }
  return draw(`${page}?scene=${scene}`, params);
}

/** wxacode.get and wxacode.createQRCode: a `path` (page plus query) of at most 128 bytes. */
export async function codeForPath(params: Record<string, unknown>): Promise<ApiReply> {
  const { path } = params;
  if (typeof path !== 'string' || path === '' || Buffer.byteLength(path) > PATH_MAX_BYTES) {
    return fail(
      40159,
      `invalid length for path, or the data is not json string, hint: [emulator: 1-${PATH_MAX_BYTES} bytes]`,
    );
  }
  return draw(path, params);
}
