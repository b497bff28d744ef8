/**
 * 手机号绑定组件：`<button open-type="getPhoneNumber">` 拿到 code 后调用 bindPhoneNumber，显示脱敏号码，
 * 可解除绑定。同一时间只有一个请求在途，重复点击不发请求；用户拒绝时不提示。
 *
 * The phone number row of the profile page, its own component so the page's other features
 * (profile form, account deletion) stay in their files. One request in flight at a time.
 */
import type { PhoneBinding } from '../../contract/index';
import { appSession } from '../../lib/app-session';
import { runBusy } from '../../lib/busy-request';
import { canIUse } from '../../lib/privacy';
import {
  phoneButtonResult,
  PHONE_BUTTON_MESSAGES,
  type PhoneButtonDetail,
} from './phone-button-result';
import { displayPhone } from './phone-mask';

function shown(phone: PhoneBinding | null | undefined): string {
  return phone ? displayPhone(phone) : '';
}

Component({
  data: {
    /** Masked number, '' when none is bound. */
    maskedPhone: '',
    busy: false,
    message: '',
    /** False on base libraries without the code-based button (< 2.21.2). */
    supported: true,
  },

  lifetimes: {
    attached() {
      const user = appSession().getSnapshot().session?.user;
      this.setData({
        supported: canIUse('button.open-type.getPhoneNumber'),
        maskedPhone: shown(user?.phone),
      });
    },
  },

  methods: {
    async onGetPhoneNumber(event: WechatMiniprogram.CustomEvent<PhoneButtonDetail>) {
      // A tap while a request is in flight does nothing: each exchange is billed.
      if (this.data.busy) return;
      const result = phoneButtonResult(event.detail);
      if (result.kind === 'refused') {
        this.setData({ message: '' });
        return;
      }
      if (result.kind === 'failed') {
        console.warn(`[wx-cloud-login] getPhoneNumber: ${event.detail.errMsg ?? ''}`);
        this.setData({ message: result.message });
        return;
      }
      await this.run(async () => {
        const session = appSession();
        const { user } = await session.callAuthenticated(
          'bindPhoneNumber',
          { code: result.code },
          { loadingTitle: '绑定中' },
        );
        session.setUser(user);
        this.setData({ maskedPhone: shown(user.phone) });
        wx.showToast({ title: '手机号已绑定', icon: 'success' });
      });
    },

    async onUnbind() {
      if (this.data.busy) return;
      const { confirm } = await wx.showModal({
        title: '解除绑定',
        content: '解除后将不能再用这个手机号联系或找回账号，确定解除吗？',
        confirmText: '解除',
      });
      if (!confirm) return;
      await this.run(async () => {
        const session = appSession();
        const { user } = await session.callAuthenticated(
          'unbindPhoneNumber',
          {},
          { loadingTitle: '处理中' },
        );
        session.setUser(user);
        this.setData({ maskedPhone: shown(user.phone) });
        wx.showToast({ title: '已解除绑定', icon: 'success' });
      });
    },

    /** Runs one request with `busy` set; any failure becomes a Chinese message on the row. */
    async run(request: () => Promise<void>) {
      await runBusy(this, request, PHONE_BUTTON_MESSAGES.failed);
    },
  },
});
