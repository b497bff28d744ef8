/**
 * 手机号绑定组件：`<button open-type="getPhoneNumber">` 拿到 code 后调用 bindPhoneNumber，显示脱敏号码，
 * 可更换（先确认）、解除绑定。按钮每次成功回调都会计费（¥0.03），所以：同一时间只有一个请求；服务端限流时
 * 按 retryAfter 禁用按钮并跨启动记住；服务端关闭绑定（features.phoneBinding）时整行隐藏；基础库 < 2.21.2 不显示。
 *
 * The phone number row of the profile page. Every success callback of the button is billed, so
 * the button is only there when a tap can succeed: one request at a time, disabled until the
 * server's retryAfter (across launches), behind a confirmation for 更换, hidden when the server
 * switched binding off, absent on base libraries without the code flow.
 */
import type { PhoneBinding } from '../../../../contract/src/index';
import { appSession } from '../../lib/app-session';
import { baseLibraryAtLeast, PHONE_CODE_MIN_VERSION } from '../../lib/base-library';
import { runBusy } from '../../lib/busy-request';
import { isCloudCallError } from '../../lib/cloud-error';
import type { SessionSnapshot } from '../../lib/session/types';
import {
  phoneButtonResult,
  PHONE_BUTTON_MESSAGES,
  type PhoneButtonDetail,
} from './phone-button-result';
import { displayPhone } from '../../lib/phone-mask';
import { formatRetryAt, MAX_TIMER_MS, readRetryAt, saveRetryAt } from './phone-wait';

function shown(phone: PhoneBinding | null | undefined): string {
  return phone ? displayPhone(phone) : '';
}

/** Per instance: the session subscription and the timer that re-enables the button. */
const cleanups = new WeakMap<object, { unsubscribe: () => void; timer?: number }>();

Component({
  data: {
    /** False when the server switched binding off (features.phoneBinding). */
    enabled: true,
    /** Masked number, '' when none is bound. */
    maskedPhone: '',
    busy: false,
    message: '',
    /** False on base libraries without the code-based button (< 2.21.2). */
    supported: true,
    /** After 更换 was confirmed: the billed button for the new number is shown. */
    replacing: false,
    /** When the server will take another try ('' when it would now), e.g. `明天 9:30`. */
    waitUntil: '',
  },

  lifetimes: {
    attached() {
      const session = appSession();
      const follow = (snapshot: SessionSnapshot) => {
        const stored = snapshot.session;
        this.setData({
          enabled: stored?.features?.phoneBinding !== false,
          maskedPhone: shown(stored?.user.phone),
        });
      };
      cleanups.set(this, { unsubscribe: session.onChange(follow) });
      this.setData({ supported: baseLibraryAtLeast(PHONE_CODE_MIN_VERSION) });
      follow(session.getSnapshot());
      this.showWait(readRetryAt());
    },
    detached() {
      const cleanup = cleanups.get(this);
      cleanup?.unsubscribe();
      if (cleanup?.timer !== undefined) clearTimeout(cleanup.timer);
      cleanups.delete(this);
    },
  },

  methods: {
    /** Disables the button until `retryAt` (null: enabled), and enables it again then. */
    showWait(retryAt: number | null) {
      const cleanup = cleanups.get(this);
      if (cleanup?.timer !== undefined) clearTimeout(cleanup.timer);
      this.setData({ waitUntil: retryAt ? formatRetryAt(retryAt) : '' });
      if (!retryAt || !cleanup) return;
      const delay = Math.min(retryAt - Date.now(), MAX_TIMER_MS);
      cleanup.timer = setTimeout(() => this.showWait(readRetryAt()), delay) as unknown as number;
    },

    async onReplace() {
      if (this.data.busy || this.data.waitUntil) return;
      const { confirm } = await wx.showModal({
        title: '更换手机号',
        content: '将通过微信获取一个新的手机号替换当前号码，确定更换吗？',
        confirmText: '更换',
      });
      if (confirm) this.setData({ replacing: true, message: '' });
    },

    onCancelReplace() {
      this.setData({ replacing: false });
    },

    async onGetPhoneNumber(event: WechatMiniprogram.CustomEvent<PhoneButtonDetail>) {
      // The button is disabled while busy; a late event still sends nothing.
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
        try {
          const { user } = await session.callAuthenticated(
            'bindPhoneNumber',
            { code: result.code },
            { loadingTitle: '绑定中' },
          );
          session.setUser(user);
          this.setData({ replacing: false });
          wx.showToast({ title: '手机号已绑定', icon: 'success' });
        } catch (error) {
          const retryAfter = isCloudCallError(error) ? error.details?.retryAfter : undefined;
          if (!isCloudCallError(error) || error.code !== 'RATE_LIMITED' || !retryAfter) throw error;
          saveRetryAt(Date.now() + retryAfter);
          this.showWait(readRetryAt());
        }
      });
    },

    async onUnbind() {
      if (this.data.busy) return;
      const { confirm } = await wx.showModal({
        title: '解除绑定',
        content: '解除后，账号将不再记录这个手机号，客服也无法再凭它找到你的账号。确定解除吗？',
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
        wx.showToast({ title: '已解除绑定', icon: 'success' });
      });
    },

    /** Runs one request with `busy` set; any failure becomes a Chinese message on the row. */
    async run(request: () => Promise<void>) {
      await runBusy(this, request, PHONE_BUTTON_MESSAGES.failed);
    },
  },
});
