import type { JsonValue } from './client';

/** The login system's functions, offered first in Simulate. */
export const LOGIN_FUNCTIONS = ['login', 'checkSession', 'updateUserInfo', 'logout'] as const;

/** A starting request for each function (see contract/src/functions.ts); `token` filled in. */
export function requestTemplate(name: string, token: string): JsonValue {
  switch (name) {
    case 'login':
      return { client: { platform: 'devtools', model: 'emulator console', version: '1.0.0' } };
    case 'checkSession':
      return { token, withUser: true };
    case 'updateUserInfo':
      return { token, profile: { nickName: '模拟用户' } };
    case 'logout':
      return { token, scope: 'current' };
    case 'bindPhoneNumber':
      return { token, code: '（在下方“手机号 code”签发）' };
    case 'unbindPhoneNumber':
      return { token };
    default:
      return {};
  }
}

/** The token in a successful login envelope (`{ ok: true, data: { token } }`), if any. */
export function tokenFromLogin(result: JsonValue | undefined): string | null {
  if (typeof result !== 'object' || result === null || Array.isArray(result) || result.ok !== true)
    return null;
  const data = result.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  return typeof data.token === 'string' ? data.token : null;
}
