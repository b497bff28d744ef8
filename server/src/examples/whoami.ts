/**
 * Example of an app's own function behind the session guard. Built like the product functions
 * (into dist/examples/whoami) but not deployed by default; copy it into server/src/functions
 * (and cloudbaserc.json) to ship it.
 */
import type { AuthenticatedRequest } from '../../../contract/src';
import { invalidArgument, withSession } from '..';

interface WhoamiRequest extends AuthenticatedRequest {
  greeting?: string;
}

/** Checked before any database access; the handler only ever sees a WhoamiRequest. */
function parse(event: Record<string, unknown>): WhoamiRequest {
  const { token, greeting } = event;
  if (greeting !== undefined && typeof greeting !== 'string') {
    throw invalidArgument('greeting', 'wrong_type');
  }
  return { token: String(token), ...(greeting === undefined ? {} : { greeting }) };
}

export const main = withSession<WhoamiRequest, { greeting: string; expiresAt: number }>(
  (request, { user, session }) => ({
    greeting: `${request.greeting ?? '你好'}, ${user?.nickName || '微信用户'}`,
    expiresAt: session.expiresAt,
  }),
  { parse, withUser: true },
);
