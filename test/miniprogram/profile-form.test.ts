/** How the profile page reads its form and places server errors next to fields. */
import { CloudCallError, failure } from 'wx-cloud-login-miniprogram';
import {
  fieldErrorsFrom,
  readProfileForm,
  savesWithoutNickname,
} from '../../miniprogram/pages/profile/profile-form';

function invalid(field: string, reason: string): CloudCallError {
  const { error } = failure('INVALID_ARGUMENT', { field, reason });
  return new CloudCallError({
    code: error.code,
    functionName: 'updateUserInfo',
    details: error.details,
  });
}

describe('readProfileForm', () => {
  it('trims the nickname, parses the gender and adds the uploaded avatar', () => {
    expect(readProfileForm({ nickName: '  小明 ', gender: '1' }, 'cloud://env.b/a.png')).toEqual({
      nickName: '小明',
      gender: 1,
      avatarUrl: 'cloud://env.b/a.png',
    });
  });

  it('leaves out an avatar that was never chosen and treats odd genders as 0', () => {
    expect(readProfileForm({ nickName: 'x', gender: '7' }, '')).toEqual({
      nickName: 'x',
      gender: 0,
    });
    // An empty nickname is left out: the page decides whether the rest is worth saving.
    expect(readProfileForm({}, '')).toEqual({ gender: 0 });
  });
});

describe('savesWithoutNickname', () => {
  const none = { nickName: '', avatarUrl: 'cloud://old', gender: 0 as const };
  it.each([
    ['gender changed, no nickname yet', { gender: 1 as const }, none, 'cloud://old', true],
    ['avatar changed, no nickname yet', { gender: 0 as const }, none, 'cloud://new', true],
    ['nothing changed', { gender: 0 as const }, none, 'cloud://old', false],
    [
      'a nickname exists (cannot be cleared)',
      { gender: 1 as const },
      { ...none, nickName: '小明' },
      '',
      false,
    ],
    ['no session', { gender: 1 as const }, undefined, '', false],
  ])('%s', (_, profile, saved, shown, expected) => {
    expect(savesWithoutNickname(profile, saved, shown)).toBe(expected);
  });
});

describe('fieldErrorsFrom', () => {
  it.each([
    ['profile.nickName', 'too_long', { nickName: '昵称最多 32 个字' }],
    ['profile.nickName', 'empty', { nickName: '请填写昵称' }],
    ['profile.nickName', 'control_character', { nickName: '昵称含有不支持的字符' }],
    ['profile.avatarUrl', 'invalid_scheme', { avatarUrl: '头像地址无效，请重新选择头像' }],
    ['profile.gender', 'not_allowed', { gender: '请选择有效的性别' }],
    ['profile.gender', 'something_new', { gender: '性别不符合要求' }],
  ])('%s %s', (field, reason, expected) => {
    expect(fieldErrorsFrom(invalid(field, reason))).toEqual(expected);
  });

  it('returns null for fields the form does not show and for other codes', () => {
    expect(fieldErrorsFrom(invalid('profile.city', 'too_long'))).toBeNull();
    expect(
      fieldErrorsFrom(new CloudCallError({ code: 'NETWORK', functionName: 'updateUserInfo' })),
    ).toBeNull();
  });
});
