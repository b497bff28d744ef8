import type { UnbindPhoneNumberResponse } from '../../../contract/src';
import { withSession } from '../guard';
import { unbindPhone } from '../phone';
import { toPublicUser } from '../users';

/**
 * unbindPhoneNumber({ token }) -> { user } with `user.phone` null. Frees the number so another
 * account can bind it. Idempotent.
 */
// The request is only the token (UnbindPhoneNumberRequest): nothing else to parse.
// withUser: the roles for the answer come from the account record, read in parallel.
export const main = withSession<UnbindPhoneNumberResponse>(
  async (_request, context) => ({
    user: toPublicUser(await unbindPhone(context), context.user?.roles ?? []),
  }),
  { withUser: true },
);
