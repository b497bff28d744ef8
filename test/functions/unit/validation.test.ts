import { CLIENT_FIELD_MAX_LENGTH } from '../../../contract/src';
import { AppError } from '../../../server/src/errors';
import { sanitiseClient } from '../../../server/src/validation/client';
import { parseProfile } from '../../../server/src/validation/profile';

function rejection(input: unknown) {
  try {
    parseProfile(input);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, ...error.details };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('parseProfile', () => {
  test('accepts every field at its limits and trims text', () => {
    expect(
      parseProfile({
        nickName: ` ${'名'.repeat(32)} `,
        avatarUrl: `cloud://${'a'.repeat(1016)}`,
        gender: 2,
        country: 'c'.repeat(64),
        province: '',
        city: ' 深圳 ',
        language: 'zh_CN',
      }),
    ).toEqual({
      nickName: '名'.repeat(32),
      avatarUrl: `cloud://${'a'.repeat(1016)}`,
      gender: 2,
      country: 'c'.repeat(64),
      province: '',
      city: '深圳',
      language: 'zh_CN',
    });
  });

  test('an emoji with a zero-width joiner is one user-visible nickname, not a control character', () => {
    expect(parseProfile({ nickName: '👩‍💻' }).nickName).toBe('👩‍💻');
  });

  test.each([
    [{ $where: '1' }, 'profile.$where', 'operator_key'],
    [{ 'a.b': 1 }, 'profile.a.b', 'dotted_key'],
    [{ _openid: 'x' }, 'profile._openid', 'reserved_key'],
    [{ prototype: {} }, 'profile.prototype', 'reserved_key'],
    [{ nick: 'x' }, 'profile.nick', 'unknown_field'],
    [{ nickName: 'a\u2028b' }, 'profile.nickName', 'control_character'],
    [{ nickName: 'x'.repeat(33) }, 'profile.nickName', 'too_long'],
    [{ avatarUrl: 'ftp://x' }, 'profile.avatarUrl', 'invalid_scheme'],
    [{ gender: 4 }, 'profile.gender', 'not_allowed'],
    [{ language: 5 }, 'profile.language', 'wrong_type'],
    [Object.create({ nickName: 'inherited' }), 'profile', 'wrong_type'],
  ])('%j -> %s (%s)', (input, field, reason) => {
    expect(rejection(input)).toEqual({ code: 'INVALID_ARGUMENT', field, reason });
  });
});

describe('sanitiseClient', () => {
  test('keeps the three known strings, cleaned and cut', () => {
    expect(
      sanitiseClient({
        platform: ' android\u0000 ',
        model: 'm'.repeat(100),
        version: 8,
        extra: 'dropped',
      }),
    ).toEqual({ platform: 'android', model: 'm'.repeat(CLIENT_FIELD_MAX_LENGTH) });
  });

  test.each([[undefined], [null], ['ios'], [[1, 2]], [{ version: {} }], [{ model: '\u0001' }]])(
    '%j -> nothing stored',
    (input) => {
      expect(sanitiseClient(input)).toBeUndefined();
    },
  );
});
