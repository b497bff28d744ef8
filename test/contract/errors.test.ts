import { ERROR_CODES, ERROR_MESSAGES, failure, isErrorCode, success } from '../../contract/src';

describe('contract errors and envelope', () => {
  it('has a non-empty message for every code', () => {
    for (const code of ERROR_CODES) expect(ERROR_MESSAGES[code].length).toBeGreaterThan(0);
  });

  it('builds envelopes', () => {
    expect(success({ a: 1 })).toEqual({ ok: true, data: { a: 1 } });
    expect(failure('INVALID_ARGUMENT', { field: 'profile.nickName', reason: 'too_long' })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: ERROR_MESSAGES.INVALID_ARGUMENT,
        details: { field: 'profile.nickName', reason: 'too_long' },
      },
    });
    expect(failure('INTERNAL').error).not.toHaveProperty('details');
  });

  it('recognises codes', () => {
    expect(isErrorCode('SESSION_EXPIRED')).toBe(true);
    expect(isErrorCode('NOPE')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
