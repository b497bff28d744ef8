/**
 * `security.mediaCheckAsync`: answers a `trace_id` at once and delivers the verdict later as the
 * `wxa_media_check` message push (platform-pushes.ts). Same convention as msgSecCheck: media is
 * risky exactly when its `media_url` contains MSG_SEC_CHECK_RISKY_WORD (as is, or URL-encoded).
 */
import { randomUUID } from 'node:crypto';
import { MSG_SEC_CHECK_RISKY_WORD } from './msg-sec-check';
import type { PlatformPush } from './platform-pushes';
import type { JsonReply } from './types';

const RISKY_LABEL = 21000;
const PASS_LABEL = 100;
/** The emulated mini program's original id (ToUserName of every push). */
export const EMULATED_USERNAME = 'gh_emulator00000';

function isRisky(url: string): boolean {
  return (
    url.includes(MSG_SEC_CHECK_RISKY_WORD) ||
    url.includes(encodeURIComponent(MSG_SEC_CHECK_RISKY_WORD))
  );
}

/** The check's answer and, when accepted, the push that will carry its verdict. */
export function mediaCheckAsync(
  params: Record<string, unknown>,
  appid: string,
  nowMs: number,
): { reply: JsonReply; push?: PlatformPush } {
  const { media_url: url, media_type: type, version, openid, scene } = params;
  if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) {
    return {
      reply: {
        errcode: 47001,
        errmsg: 'data format error, hint: [emulator: media_url must be an http(s) URL]',
      },
    };
  }
  if (type !== 1 && type !== 2) {
    return {
      reply: {
        errcode: 47001,
        errmsg: 'data format error, hint: [emulator: media_type 1 (audio) or 2 (image)]',
      },
    };
  }
  const v2 = version === 2;
  if (v2 && (typeof openid !== 'string' || openid === ''))
    return { reply: { errcode: 40003, errmsg: 'invalid openid' } };
  if (v2 && ![1, 2, 3, 4].includes(scene as number)) {
    return { reply: { errcode: 47001, errmsg: 'data format error: scene must be 1, 2, 3 or 4' } };
  }
  const traceId = randomUUID();
  const risky = isRisky(url);
  const suggest = risky ? 'risky' : 'pass';
  const label = risky ? RISKY_LABEL : PASS_LABEL;
  const verdict = v2
    ? {
        version: 2,
        detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: risky ? 90 : 0 }],
        errcode: 0,
        errmsg: 'ok',
        result: { suggest, label },
      }
    : { isrisky: risky ? 1 : 0, extra_info_json: '', status_code: 0 };
  // No FromUserName: a platform event comes from the platform push account, which the push
  // delivery fills in (as it does for every platform event).
  const message = {
    ToUserName: EMULATED_USERNAME,
    CreateTime: Math.floor(nowMs / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid,
    trace_id: traceId,
    ...verdict,
  };
  return {
    reply: { errcode: 0, errmsg: 'ok', trace_id: traceId },
    push: { event: 'wxa_media_check', appid, message },
  };
}
