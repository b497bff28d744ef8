// docs/adopt.md step 7: a page of the adopting app on the packaged client and components.
const { appSession } = require('wx-cloud-login-miniprogram');

Page({
  data: { nickName: '', message: '' },
  async onLoad() {
    const { user } = await appSession().callAuthenticated('checkSession', { withUser: true });
    this.setData({ nickName: user.nickName });
  },
  async onSaveNickname(event) {
    try {
      const profile = { nickName: event.detail.value.nickName };
      const { user } = await appSession().callAuthenticated('updateUserInfo', { profile });
      this.setData({ nickName: user.nickName, message: '已保存' });
    } catch (error) {
      this.setData({ message: error.message });
    }
  },
});
