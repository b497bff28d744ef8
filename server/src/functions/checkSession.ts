import type { CheckSessionRequest, CheckSessionResponse } from '../../../contract/src';
import { featuresOf } from '../features';
import { withSession } from '../guard';
import { optionalBoolean, requireToken } from '../validation/request';

function parse(event: Record<string, unknown>): CheckSessionRequest {
  return { token: requireToken(event), withUser: optionalBoolean(event, 'withUser') };
}

/**
 * checkSession({ token, withUser? }) -> { valid: true, expiresAt, user?, features? }.
 * The guard does all the work: one read (two in parallel with withUser), plus two writes
 * when the session is renewed.
 */
export const main = /* @__PURE__ */ withSession<CheckSessionRequest, CheckSessionResponse>(
  (_request, { session, user, config }) => {
    const response: CheckSessionResponse = { valid: true, expiresAt: session.expiresAt };
    // With the user (the client's launch check) come the switches the pages follow.
    if (user) Object.assign(response, { user, features: featuresOf(config) });
    return response;
  },
  { parse, withUser: (request) => request.withUser === true },
);
