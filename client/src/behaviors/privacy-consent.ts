import {
  AGREE_BUTTON_ID,
  answerPrivacy,
  installPrivacyListener,
  presentPrivacyWith,
  privacyFailureOf,
  privacySetting,
  purposeOf,
  PRIVACY_MESSAGES,
  PURPOSE_TEXT,
  REFUSED_MESSAGES,
  requirePrivacy,
  type PrivacyPurpose,
} from '../lib/privacy';

/** Unregister functions per page instance (the Component typings have no slot for them). */
const presenters = new WeakMap<object, () => void>();

/**
 * 隐私授权弹窗的状态与方法：<privacy-consent> 组件用它（多数页面放这个组件即可）；想自己写弹窗的页面
 * 加上这个 behavior，并照 components/privacy-consent 的 WXML 放同一段弹窗。
 *
 * The state and methods of privacy consent: the <privacy-consent> component carries them (most
 * pages just add the component); a page that keeps its own sheet adds this behavior and the
 * component's markup. Other buttons only call `explainPrivacyFailure(errMsg)` in their fail paths.
 */
export const privacyConsent = Behavior({
  data: {
    privacySheetVisible: false,
    privacyContractName: '《用户隐私保护指引》',
    /** What the paused API was (e.g. "chooseAvatar"), for the sheet's wording. */
    privacyReferrer: '',
    privacyPurpose: 'profile' as PrivacyPurpose,
    /** What the sheet asks about: 微信头像和昵称, 手机号... */
    privacyPurposeText: PURPOSE_TEXT.profile,
    /** Why a privacy API cannot be used now; shown on the page, never a silent failure. */
    privacyNotice: '',
    needPrivacyAuthorization: false,
    privacyAgreeButtonId: AGREE_BUTTON_ID,
  },

  lifetimes: {
    attached() {
      installPrivacyListener();
      const show = (referrer: string) => {
        const purpose = purposeOf(referrer);
        this.setData({
          privacySheetVisible: true,
          privacyReferrer: referrer,
          privacyPurpose: purpose,
          privacyPurposeText: PURPOSE_TEXT[purpose],
          privacyNotice: '',
        });
      };
      presenters.set(this, presentPrivacyWith(show));
      void privacySetting().then(({ needAuthorization, contractName }) => {
        this.setData({ needPrivacyAuthorization: needAuthorization });
        if (contractName) this.setData({ privacyContractName: contractName });
      });
    },
    detached() {
      presenters.get(this)?.();
      presenters.delete(this);
    },
  },

  methods: {
    /** bindagreeprivacyauthorization of the sheet's agree button: the paused call goes on. */
    onAgreePrivacy() {
      answerPrivacy({ event: 'agree', buttonId: AGREE_BUTTON_ID });
      this.setData({
        privacySheetVisible: false,
        needPrivacyAuthorization: false,
        privacyNotice: '',
      });
    },

    /** 拒绝: the paused call fails; the page explains what the user gives up and how to undo it. */
    onRefusePrivacy() {
      answerPrivacy({ event: 'disagree' });
      const notice = REFUSED_MESSAGES[this.data.privacyPurpose];
      this.setData({ privacySheetVisible: false, privacyNotice: notice });
    },

    onOpenPrivacyContract() {
      wx.openPrivacyContract({
        fail: () => wx.showToast({ title: '无法打开隐私保护指引，请稍后重试', icon: 'none' }),
      });
    },

    /**
     * Before the nickname input gets the keyboard: ask for consent with our sheet, because an
     * unauthorized `type="nickname"` input degrades to a plain text box without asking.
     */
    async ensurePrivacyConsent(): Promise<boolean> {
      if (!this.data.needPrivacyAuthorization) return true;
      return requirePrivacy();
    },

    /** Turns a privacy errMsg into a notice on the page; false when it was another failure. */
    explainPrivacyFailure(errMsg: string): boolean {
      const failure = privacyFailureOf(errMsg);
      if (!failure) return false;
      // The developer must fix an undeclared scope in the MP admin: make it loud in the console.
      if (failure === 'undeclared')
        console.error(`[wx-cloud-login] ${errMsg}（见 docs/deploy.md）`);
      this.setData({ privacyNotice: PRIVACY_MESSAGES[failure] });
      return true;
    },
  },
});
