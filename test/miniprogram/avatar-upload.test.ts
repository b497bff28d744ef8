/** Why an avatar upload failed, from the errMsg shapes wx.cloud.uploadFile reports. */
import { uploadFailureOf } from '../../miniprogram/pages/profile/avatar-upload';

const table: Array<[string, unknown, string]> = [
  [
    'privacy not agreed',
    { errMsg: 'uploadFile:fail privacy permission is not authorized' },
    'privacy',
  ],
  [
    'file too large',
    { errCode: -1, errMsg: 'cloud.uploadFile:fail file size exceed limit' },
    'too_large',
  ],
  ['offline', { errCode: -1, errMsg: 'cloud.uploadFile:fail request:fail' }, 'network'],
  ['an Error', new Error('ENOENT: no such file'), 'other'],
  ['nothing useful', undefined, 'other'],
];

it.each(table)('%s', (_label, error, kind) => {
  expect(uploadFailureOf(error).kind).toBe(kind);
});
