import { appSession } from 'wx-cloud-login-miniprogram';
import { EMPTY_HOME_VIEW, homeView } from './view-model';

/** Unsubscribe functions per page instance (the Component typings have no slot for them). */
const subscriptions = new WeakMap<object, () => void>();

// Written with Component() (not Page()) so miniprogram-simulate can render it in tests.
Component({
  data: { ...EMPTY_HOME_VIEW },

  lifetimes: {
    attached() {
      const session = appSession();
      const render = () => this.setData(homeView(session.getSnapshot()));
      subscriptions.set(this, session.onChange(render));
      render();
      // Joins the launch's refresh: no call while the stored session is usable and recently
      // checked, none at all after logout; failures show the retry state.
      void session.refresh();
    },
    detached() {
      subscriptions.get(this)?.();
      subscriptions.delete(this);
    },
  },

  methods: {
    onLogin() {
      appSession()
        .login({ interactive: true })
        .catch(() => undefined); // the 'failed' state shows the reason
    },

    /** A banned user's way to the operator when config/support.ts names a page. */
    onContact() {
      wx.navigateTo({ url: this.data.supportPage });
    },

    onOpenPrivacy() {
      wx.openPrivacyContract({
        fail: () => wx.showToast({ title: '无法打开隐私保护指引，请稍后重试', icon: 'none' }),
      });
    },

    onOpenAgreement() {
      wx.navigateTo({ url: '/pages/agreement/index' });
    },

    onEditProfile() {
      wx.navigateTo({ url: '/pages/profile/index' });
    },

    onOpenAdmin() {
      wx.navigateTo({ url: '/admin/index' });
    },

    onLogout() {
      wx.showModal({
        title: '退出登录',
        content: '确定要退出登录吗？',
        confirmText: '退出',
        success: (res) => {
          if (res.confirm) void appSession().logout('current');
        },
      });
    },
  },
});
