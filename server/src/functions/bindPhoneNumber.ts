import type { BindPhoneNumberRequest, BindPhoneNumberResponse } from '../../../contract/src';
import { PHONE_CODE_PATTERN } from '../../../contract/src';
import { invalidArgument } from '../errors';
import { withSession } from '../guard';
import { bindPhone } from '../phone';
import { AppError } from '../errors';
import { requireToken } from '../validation/request';

function parse(event: Record<string, unknown>): BindPhoneNumberRequest {
  const code = event.code;
  if (code === undefined || code === null || code === '') throw invalidArgument('code', 'missing');
  if (typeof code !== 'string') throw invalidArgument('code', 'wrong_type');
  if (!PHONE_CODE_PATTERN.test(code)) throw invalidArgument('code', 'not_allowed');
  return { token: requireToken(event), code };
}

/**
 * bindPhoneNumber({ token, code }) -> { user } with `user.phone` set. `code` comes from the
 * getPhoneNumber button; the exchange names the caller's OPENID, so another user's code fails.
 * Errors: PHONE_CODE_INVALID, PHONE_IN_USE, PHONE_UNAVAILABLE (details.reason), RATE_LIMITED
 * (details.retryAfter; at most PHONE_BIND_MAX_PER_DAY platform exchanges per account a day).
 * The folder's config.json grants `phonenumber.getPhoneNumber` (cloudbaserc.json `permissions`).
 */
export const main = /* @__PURE__ */ withSession<BindPhoneNumberRequest, BindPhoneNumberResponse>(
  async ({ code }, context) => {
    if (!context.user) throw new AppError('SESSION_INVALID');
    return { user: { ...context.user, phone: await bindPhone(context, code) } };
  },
  // withUser: the profile and roles for the answer, read in parallel with the session.
  { parse, withUser: true },
);
