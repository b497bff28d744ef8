import type { CheckSessionRequest, CheckSessionResponse } from '../../../contract/src';
import { withSession } from '../guard';
import { optionalBoolean, requireToken } from '../validation/request';

function parse(event: Record<string, unknown>): CheckSessionRequest {
  return { token: requireToken(event), withUser: optionalBoolean(event, 'withUser') };
}

/**
 * checkSession({ token, withUser? }) -> { valid: true, expiresAt, user? }.
 * The guard does all the work: one read (two in parallel with withUser), plus two writes
 * when the session is renewed.
 */
export const main = withSession<CheckSessionRequest, CheckSessionResponse>(
  (_request, { session, user }) => {
    const response: CheckSessionResponse = { valid: true, expiresAt: session.expiresAt };
    if (user) response.user = user;
    return response;
  },
  { parse, withUser: (request) => request.withUser === true },
);
