import { defineFunction } from '../entry';
import { featuresOf } from '../features';
import { login } from '../login-flow';
import { sanitiseClient } from '../validation/client';

/** login({ client? }) -> { token, expiresAt, user, isNewUser, features } */
export const main = /* @__PURE__ */ defineFunction(async (event, invocation) => ({
  ...(await login(invocation, sanitiseClient(event.client))),
  features: featuresOf(invocation.config),
}));
