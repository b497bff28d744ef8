/**
 * `security.imgSecCheck` with production's limits: PNG, JPEG or GIF, at most 1 MB and
 * 750 x 1334 pixels. As for text (msgSecCheck), the emulator has no content model: an image is
 * risky exactly when its bytes contain MSG_SEC_CHECK_RISKY_WORD in UTF-8 (e.g. in a PNG tEXt
 * chunk or appended after the image data), so a test can make either answer.
 */
import { imageSize } from 'image-size';
import { MSG_SEC_CHECK_RISKY_WORD } from './msg-sec-check';
import type { JsonReply } from './types';
import { MediaPart } from './wire';

export const IMG_SEC_CHECK_MAX_BYTES = 1024 * 1024;
export const IMG_SEC_CHECK_MAX_SIZE = { width: 750, height: 1334 };
const FORMATS = ['png', 'jpg', 'gif'];
const RISKY_BYTES = Buffer.from(MSG_SEC_CHECK_RISKY_WORD, 'utf8');

function dimensions(bytes: Buffer): { type?: string; width?: number; height?: number } {
  try {
    return imageSize(bytes);
  } catch {
    return {};
  }
}

export function imgSecCheck(params: Record<string, unknown>): JsonReply {
  const media = params.media;
  if (!(media instanceof MediaPart) || media.bytes.length === 0) {
    return {
      errcode: 41005,
      errmsg: 'media data missing, hint: [emulator: pass media: { contentType, value: Buffer }]',
    };
  }
  if (media.bytes.length > IMG_SEC_CHECK_MAX_BYTES) {
    return {
      errcode: 40006,
      errmsg: `invalid media size, hint: [emulator: ${media.bytes.length} bytes, at most 1 MB]`,
    };
  }
  const { type, width = 0, height = 0 } = dimensions(media.bytes);
  if (!type || !FORMATS.includes(type)) {
    return {
      errcode: 40004,
      errmsg: 'invalid media type, hint: [emulator: PNG, JPEG or GIF only]',
    };
  }
  const max = IMG_SEC_CHECK_MAX_SIZE;
  if (width > max.width || height > max.height) {
    return {
      errcode: 40006,
      errmsg: `invalid media size, hint: [emulator: ${width}x${height} px, at most ${max.width}x${max.height}]`,
    };
  }
  if (media.bytes.includes(RISKY_BYTES)) return { errcode: 87014, errmsg: 'risky content' };
  return { errcode: 0, errmsg: 'ok' };
}
