import { PROFILE_LIMITS, type Gender } from '../../contract/index';
import { appSession } from '../../lib/app-session';
import { isCloudCallError } from '../../lib/cloud-error';
import { uploadAvatar } from './avatar-upload';
import { fieldErrorsFrom, GENDER_OPTIONS, readProfileForm, type FieldErrors } from './profile-form';

type AvatarEvent = WechatMiniprogram.CustomEvent<{ avatarUrl: string }>;
type NicknameReviewEvent = WechatMiniprogram.CustomEvent<{ pass: boolean; timeout: boolean }>;

// Written with Component() (not Page()) so miniprogram-simulate can render it in tests.
Component({
  data: {
    avatarUrl: '',
    nickName: '',
    gender: 0 as Gender,
    genderOptions: GENDER_OPTIONS,
    // A hint only: the server enforces the limit (and reports it next to the field).
    nickNameMaxLength: PROFILE_LIMITS.nickName.maxLength,
    uploading: false,
    submitting: false,
    fieldErrors: {} as FieldErrors,
  },

  lifetimes: {
    attached() {
      const user = appSession().getSnapshot().session?.user;
      if (user) {
        this.setData({ avatarUrl: user.avatarUrl, nickName: user.nickName, gender: user.gender });
      }
    },
  },

  methods: {
    async onChooseAvatar(event: AvatarEvent) {
      this.setData({ uploading: true, fieldErrors: { ...this.data.fieldErrors, avatarUrl: '' } });
      try {
        this.setData({ avatarUrl: await uploadAvatar(event.detail.avatarUrl) });
      } catch {
        this.setData({
          fieldErrors: { ...this.data.fieldErrors, avatarUrl: '头像上传失败，请重试' },
        });
      } finally {
        this.setData({ uploading: false });
      }
    },

    onNicknameReview(event: NicknameReviewEvent) {
      const text = event.detail.pass ? '' : '昵称未通过微信安全检查，请修改';
      this.setData({ fieldErrors: { ...this.data.fieldErrors, nickName: text } });
    },

    async onSubmit(event: WechatMiniprogram.FormSubmit) {
      if (this.data.submitting || this.data.uploading) return;
      const profile = readProfileForm(event.detail.value, this.data.avatarUrl);
      if (!profile.nickName) {
        this.setData({ fieldErrors: { nickName: '请填写昵称' } });
        return;
      }
      this.setData({ submitting: true, fieldErrors: {} });
      try {
        const session = appSession();
        const { user } = await session.callAuthenticated(
          'updateUserInfo',
          { profile },
          { loadingTitle: '保存中' },
        );
        session.setUser(user);
        wx.showToast({ title: '已保存', icon: 'success' });
        wx.navigateBack();
      } catch (error) {
        const fields = isCloudCallError(error) ? fieldErrorsFrom(error) : null;
        if (fields) this.setData({ fieldErrors: fields });
        else
          wx.showToast({
            title: isCloudCallError(error) ? error.message : '保存失败',
            icon: 'none',
          });
      } finally {
        this.setData({ submitting: false });
      }
    },
  },
});
