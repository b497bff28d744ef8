import { defineFunction } from '../entry';
import { login } from '../login-flow';
import { sanitiseClient } from '../validation/client';

/** login({ client? }) -> { token, expiresAt, user, isNewUser } */
export const main = defineFunction((event, invocation) =>
  login(invocation, sanitiseClient(event.client)),
);
