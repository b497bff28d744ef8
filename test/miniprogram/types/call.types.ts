/**
 * Type tests for the client wrapper and the session manager, checked by
 * `tsc -p miniprogram/tsconfig.json` (npm run typecheck); never run. Each `@ts-expect-error`
 * fails the typecheck if the line below it ever compiles.
 */
import {
  call,
  type ClientErrorCode,
  createCall,
  type LoginResponse,
  type PublicUser,
  type SessionManager,
} from 'wx-cloud-login-miniprogram';

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T>(_value: T): void {}
function assertTrue<_T extends true>(): void {}

export async function wrapperTypes(): Promise<void> {
  // The result type is inferred from the function name.
  const login = await call('login', {});
  assertTrue<Equals<typeof login, LoginResponse>>();
  const checked = await call('checkSession', { token: 't', withUser: true });
  expectType<PublicUser | undefined>(checked.user);

  // @ts-expect-error unknown function name
  await call('logni', {});
  // @ts-expect-error checkSession needs a token
  await call('checkSession', {});
  // @ts-expect-error wrong type of a field
  await call('logout', { token: 't', scope: 'everywhere' });
  // @ts-expect-error field that the request does not have
  await call('login', { openid: 'forged' });
  // @ts-expect-error results are not any: a missing property is an error
  void login.notAField;

  const custom = createCall(() => ({ callFunction: async () => ({ result: undefined }) }));
  const updated = await custom('updateUserInfo', { token: 't', profile: { nickName: 'n' } });
  expectType<PublicUser>(updated.user);
  assertTrue<Equals<typeof updated.user, PublicUser>>();
}

export async function sessionTypes(session: SessionManager): Promise<void> {
  // The manager adds the token: callers pass the request without it.
  const updated = await session.callAuthenticated('updateUserInfo', { profile: { gender: 1 } });
  expectType<PublicUser>(updated.user);
  assertTrue<Equals<typeof updated.user, PublicUser>>();
  // @ts-expect-error login does not take a token, so it is not an authenticated call
  await session.callAuthenticated('login', {});
  // @ts-expect-error the profile is required
  await session.callAuthenticated('updateUserInfo', {});
  // @ts-expect-error gender is 0 | 1 | 2
  await session.callAuthenticated('updateUserInfo', { profile: { gender: 3 } });
}

export function errorCodeTypes(code: ClientErrorCode): void {
  expectType<ClientErrorCode>('NETWORK');
  expectType<ClientErrorCode>('SESSION_EXPIRED');
  // @ts-expect-error the set of codes is closed
  expectType<ClientErrorCode>('SOMETHING_ELSE');
  void code;
}
