/**
 * Type test of the documented way an app adds an authenticated function of its own
 * (docs/client.md): declaration merging on CloudFunctions. Mirrors the server example
 * server/src/examples/whoami.ts. Checked by npm run typecheck; never run.
 */
import { call, type SessionManager } from 'wx-cloud-login-miniprogram';

declare module 'wx-cloud-login-miniprogram' {
  interface CloudFunctions {
    whoami: {
      // `token` in the request is what makes it an authenticated function.
      request: { token: string; greeting?: string };
      response: { greeting: string; expiresAt: number };
    };
  }
}

export async function ownFunction(session: SessionManager): Promise<string> {
  // The manager adds the token; the result type comes from the declaration above.
  const { greeting, expiresAt } = await session.callAuthenticated('whoami', { greeting: '早上好' });
  void expiresAt.toFixed();
  // @ts-expect-error greeting is a string
  await session.callAuthenticated('whoami', { greeting: 1 });
  // Without the manager the token must be passed by hand.
  // @ts-expect-error token missing
  await call('whoami', {});
  return greeting;
}
