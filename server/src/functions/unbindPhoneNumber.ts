import type { UnbindPhoneNumberResponse } from '../../../contract/src';
import { withSession } from '../guard';
import { unbindPhone } from '../phone';
import { AppError } from '../errors';

/**
 * unbindPhoneNumber({ token }) -> { user } with `user.phone` null. Frees the number so another
 * account can bind it. Idempotent.
 */
// The request is only the token (UnbindPhoneNumberRequest): nothing else to parse.
// withUser: the profile and roles for the answer, read in parallel with the session.
export const main = /* @__PURE__ */ withSession<UnbindPhoneNumberResponse>(
  async (_request, context) => {
    if (!context.user) throw new AppError('SESSION_INVALID');
    return { user: { ...context.user, phone: await unbindPhone(context) } };
  },
  { withUser: true },
);
