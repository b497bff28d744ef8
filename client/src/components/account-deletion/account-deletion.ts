/**
 * 注销账号：确认框说明会删除什么，确认后调用 deleteAccount；成功后清除本机登录状态，回到首页（显示「账号已注销」）。
 * 失败时在按钮下显示中文原因，可以再试（服务端的删除可以安全地重复执行）。
 *
 * Account deletion on the profile page, its own component so the page's other features stay in
 * their files. After success the local session is cleared and the home page is shown afresh.
 */
import { appSession } from '../../lib/app-session';
import { runBusy } from '../../lib/busy-request';
import { isCloudCallError, type ClientErrorCode } from '../../lib/cloud-error';

export const DELETION_CONFIRM_TEXT =
  '注销后将永久删除你的账号：登录状态、昵称头像等资料、上传的头像图片、绑定的手机号，以及本小程序中你的全部数据，且无法恢复。确定注销吗？';

export const DELETION_UNANSWERED_TEXT =
  '服务响应较慢，注销可能仍在进行。可以再点一次“注销账号”确认（不会重复删除），下次打开小程序时也会自动完成。';

const isUnanswered = (code: ClientErrorCode) => code === 'CLIENT_TIMEOUT' || code === 'NETWORK';

Component({
  properties: {
    /** The page shown after the deletion (`wx.reLaunch`): the app's home. */
    home: { type: String, value: '/pages/index/index' },
  },

  data: { busy: false, message: '' },

  methods: {
    async onDelete() {
      if (this.data.busy) return;
      const { confirm } = await wx.showModal({
        title: '注销账号',
        content: DELETION_CONFIRM_TEXT,
        confirmText: '注销',
        confirmColor: '#e64340',
      });
      if (!confirm) return;
      await runBusy(
        this,
        async () => {
          const session = appSession();
          // Retried with the same token on a lost reply; on success the phone forgets the session
          // without a logout call (the server ended them all) and the home page says 账号已注销.
          try {
            await session.deleteAccount({ loadingTitle: '注销中' });
          } catch (error) {
            // No answer: the deletion may be running; the next launch finishes it anyway.
            if (isCloudCallError(error) && isUnanswered(error.code)) {
              this.setData({ message: DELETION_UNANSWERED_TEXT });
              return;
            }
            throw error;
          }
          this.triggerEvent('deleted');
          // After the navigation, or the new page would take the toast with the old one.
          wx.reLaunch({
            url: this.data.home,
            success: () => void wx.showToast({ title: '账号已注销', icon: 'success' }),
          });
        },
        '注销失败，请稍后再试',
      );
    },
  },
});
