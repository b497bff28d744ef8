/**
 * `security.msgSecCheck` (text content security). The emulator has no content model: text is
 * risky exactly when it contains MSG_SEC_CHECK_RISKY_WORD, so tests can exercise both answers.
 * Version 2 (`version: 2`, with `openid` and `scene`) answers `result.suggest`; version 1
 * (no version) answers errcode 87014 for risky text, as production does.
 */
import { randomUUID } from 'node:crypto';

/** The one piece of text the emulator treats as risky (documented in docs/emulator.md). */
export const MSG_SEC_CHECK_RISKY_WORD = '违规测试词';
/** Production's label for "other" (其他) risky content. */
const RISKY_LABEL = 21000;
const PASS_LABEL = 100;
const TEXT_FIELDS = ['content', 'title', 'nickname', 'signature'] as const;

type Reply = Record<string, unknown> & { errcode: number; errmsg: string };

function isRisky(params: Record<string, unknown>): boolean {
  return TEXT_FIELDS.some((field) => {
    const value = params[field];
    return typeof value === 'string' && value.includes(MSG_SEC_CHECK_RISKY_WORD);
  });
}

export function msgSecCheck(params: Record<string, unknown>): Reply {
  if (typeof params.content !== 'string') {
    return { errcode: 47001, errmsg: 'data format error: content is required' };
  }
  const risky = isRisky(params);
  if (params.version === undefined || params.version === 1) {
    return risky ? { errcode: 87014, errmsg: 'risky content' } : { errcode: 0, errmsg: 'ok' };
  }
  if (params.version !== 2) return { errcode: 47001, errmsg: 'data format error: version' };
  if (typeof params.openid !== 'string' || params.openid === '') {
    return { errcode: 40003, errmsg: 'invalid openid' };
  }
  if (![1, 2, 3, 4].includes(params.scene as number)) {
    return { errcode: 47001, errmsg: 'data format error: scene must be 1, 2, 3 or 4' };
  }
  const suggest = risky ? 'risky' : 'pass';
  const label = risky ? RISKY_LABEL : PASS_LABEL;
  return {
    errcode: 0,
    errmsg: 'ok',
    result: { suggest, label },
    detail: [
      {
        strategy: 'content_model',
        errcode: 0,
        suggest,
        label,
        prob: risky ? 90 : 0,
        ...(risky ? { keyword: MSG_SEC_CHECK_RISKY_WORD } : {}),
      },
    ],
    trace_id: randomUUID(),
  };
}
