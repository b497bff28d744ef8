import {
  appSession,
  canIUse,
  displayMessage,
  type Gender,
  isCloudCallError,
  PROFILE_LIMITS,
} from 'wx-cloud-login-miniprogram';
import { AVATAR_HINTS, avatarTiming } from './avatar-feedback';
import {
  AvatarUploadError,
  saveWithAvatar,
  uploadFailureOf,
  UPLOAD_MESSAGES,
} from './avatar-upload';
import {
  reviewMessage,
  reviewTiming,
  REVIEW_MESSAGES,
  type NicknameReviewDetail,
} from './nickname-review';
import { leaveWithToast } from '../../utils/navigation';
import {
  fieldErrorsFrom,
  GENDER_OPTIONS,
  readProfileForm,
  savesWithoutNickname,
  type FieldErrors,
} from './profile-form';

type AvatarEvent = WechatMiniprogram.CustomEvent<{ avatarUrl?: string; errMsg?: string }>;
type FormValue = Record<string, unknown>;

/** What the page asks of its <privacy-consent> component (the package's, from miniprogram_npm). */
interface PrivacyConsent {
  ensurePrivacyConsent(): Promise<boolean>;
  explainPrivacyFailure(errMsg: string): boolean;
}

/** The page's <privacy-consent id="privacy-consent"> (index.wxml); its absence is a bug. */
function privacyOf(page: WechatMiniprogram.Component.TrivialInstance): PrivacyConsent {
  const found = page.selectComponent('#privacy-consent') as unknown as PrivacyConsent | null;
  if (!found) throw new Error('pages/profile: <privacy-consent id="privacy-consent"> is missing');
  return found;
}

/** Per page instance: the timer that ends the "opening" hint of an avatar tap. */
const avatarTimers = new WeakMap<object, ReturnType<typeof setTimeout>>();
/** Per page instance: an avatar tap not answered yet, and whether the page was left for it. */
const avatarWaits = new WeakMap<object, { left: boolean }>();

function stopAvatarTimer(page: object): void {
  const timer = avatarTimers.get(page);
  if (timer !== undefined) clearTimeout(timer);
  avatarTimers.delete(page);
}

/** Per page instance: the session subscription that fills the form when the login answers. */
const sessionListeners = new WeakMap<object, () => void>();

function stopFilling(page: object): void {
  sessionListeners.get(page)?.();
  sessionListeners.delete(page);
}

/** Per page instance: a submit waiting for the nickname review, and its fallback timer. */
const waiting = new WeakMap<object, { value: FormValue; timer: ReturnType<typeof setTimeout> }>();

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
    /** The avatar picked and shown, not uploaded yet: it is uploaded when 保存 is tapped. */
    pendingAvatar: '',
    /** Feedback right after a tap on the avatar button (see avatar-feedback.ts). */
    avatarHint: '',
    submitting: false,
    /** Between the nickname input's blur and WeChat's review result. */
    nicknameChecking: false,
    nicknameEdited: false,
    /** False on base libraries without the avatar/nickname fill-in (< 2.21.2). */
    profileSupported: true,
    fieldErrors: {} as FieldErrors,
    /** Set by the first edit: from then on the session no longer refills the form. */
    formTouched: false,
  },

  lifetimes: {
    attached() {
      const supported = canIUse('button.open-type.chooseAvatar') && canIUse('input.type.nickname');
      this.setData({ profileSupported: supported });
      const session = appSession();
      // The session may arrive after the page (a cold start opened on this page): fill the form
      // then, unless the user already started editing it.
      // Once: later changes (a phone bound on this page) must not reset what is being edited.
      const fill = () => {
        const user = session.getSnapshot().session?.user;
        if (!user) return;
        stopFilling(this);
        if (!this.data.formTouched) {
          this.setData({ avatarUrl: user.avatarUrl, nickName: user.nickName, gender: user.gender });
        }
      };
      sessionListeners.set(this, session.onChange(fill));
      fill();
    },
    detached() {
      stopFilling(this);
      stopAvatarTimer(this);
      const queued = waiting.get(this);
      if (queued) clearTimeout(queued.timer);
      waiting.delete(this);
    },
  },

  pageLifetimes: {
    // The album or camera page opened: the tap was answered, for now.
    hide() {
      const wait = avatarWaits.get(this);
      this.clearAvatarHint();
      if (wait) avatarWaits.set(this, { left: true });
    },
    // Back from it without a chooseavatar event: the user chose nothing. Say so, neutrally.
    show() {
      const wait = avatarWaits.get(this);
      if (!wait?.left) return;
      avatarWaits.delete(this);
      this.setData({ avatarHint: AVATAR_HINTS.noChoice });
    },
  },

  methods: {
    onAvatarTap() {
      if (this.data.uploading) return;
      this.clearAvatarHint();
      this.setData({ avatarHint: AVATAR_HINTS.opening });
      avatarWaits.set(this, { left: false });
      // The user may still be choosing in the action sheet: the hint just ends, blaming nobody.
      const timer = setTimeout(() => {
        avatarTimers.delete(this);
        if (this.data.avatarHint === AVATAR_HINTS.opening) this.setData({ avatarHint: '' });
      }, avatarTiming.noResponseMs);
      avatarTimers.set(this, timer);
    },

    clearAvatarHint() {
      stopAvatarTimer(this);
      avatarWaits.delete(this);
      if (this.data.avatarHint) this.setData({ avatarHint: '' });
    },

    onChooseAvatar(event: AvatarEvent) {
      this.clearAvatarHint();
      const privacy = privacyOf(this);
      const { avatarUrl, errMsg } = event.detail;
      if (!avatarUrl) {
        // Some base libraries report a refused or undeclared privacy scope here; a cancel is
        // the user's choice and needs no message.
        const reason = errMsg ?? '';
        if (!privacy.explainPrivacyFailure(reason) && !/cancel/i.test(reason)) {
          this.setAvatarError(UPLOAD_MESSAGES.other);
        }
        return;
      }
      // Shown now, uploaded on 保存: a photo picked and then replaced, or never saved, is never
      // uploaded, so nothing is left in storage without a profile pointing at it.
      this.setData({
        avatarUrl,
        pendingAvatar: avatarUrl,
        formTouched: true,
        fieldErrors: { ...this.data.fieldErrors, avatarUrl: '' },
      });
    },

    /** The upload on 保存 failed: the saved avatar comes back and the reason is shown. */
    showUploadFailure(error: unknown) {
      const privacy = privacyOf(this);
      const { kind, errMsg: reason } = uploadFailureOf(error);
      console.error(`[wx-cloud-login] avatar upload failed: ${reason}`);
      const saved = appSession().getSnapshot().session?.user.avatarUrl ?? '';
      this.setData({ avatarUrl: saved, pendingAvatar: '' });
      if (kind !== 'privacy' || !privacy.explainPrivacyFailure(reason)) {
        this.setAvatarError(UPLOAD_MESSAGES[kind === 'privacy' ? 'other' : kind]);
      }
    },

    setAvatarError(text: string) {
      this.setData({ fieldErrors: { ...this.data.fieldErrors, avatarUrl: text } });
    },

    onNicknameFocus() {
      void privacyOf(this).ensurePrivacyConsent();
    },

    onNicknameInput() {
      this.setData({ nicknameEdited: true, formTouched: true });
    },

    onGenderChange() {
      this.setData({ formTouched: true });
    },

    onNicknameBlur() {
      // WeChat reviews what was typed once the input loses focus.
      if (this.data.nicknameEdited) this.setData({ nicknameChecking: true, nicknameEdited: false });
    },

    onNicknameReview(event: WechatMiniprogram.CustomEvent<NicknameReviewDetail>) {
      const text = reviewMessage(event.detail);
      this.setData({
        nicknameChecking: false,
        fieldErrors: { ...this.data.fieldErrors, nickName: text },
      });
      const queued = waiting.get(this);
      if (!queued) return;
      clearTimeout(queued.timer);
      waiting.delete(this);
      // A failed nickname was cleared by WeChat; a timed-out one waits for the user.
      if (event.detail.pass) void this.save(queued.value);
    },

    onSubmit(event: WechatMiniprogram.FormSubmit) {
      if (this.data.submitting || this.data.uploading || waiting.has(this)) return;
      const value = event.detail.value as FormValue;
      if (!this.data.nicknameChecking) {
        void this.save(value);
        return;
      }
      this.setData({
        fieldErrors: { ...this.data.fieldErrors, nickName: REVIEW_MESSAGES.checking },
      });
      // Bounded: a review that never reports leaves the decision to the server's own check.
      const timer = setTimeout(() => {
        waiting.delete(this);
        this.setData({ nicknameChecking: false });
        void this.save(value);
      }, reviewTiming.maxWaitMs);
      waiting.set(this, { value, timer });
    },

    async save(value: FormValue) {
      const pending = this.data.pendingAvatar;
      const profile = readProfileForm(value, pending ? '' : this.data.avatarUrl);
      const saved = appSession().current()?.user;
      // The avatar shown is the picked (pending) photo when there is one: a changed avatar.
      if (!profile.nickName && !savesWithoutNickname(profile, saved, this.data.avatarUrl)) {
        this.setData({ fieldErrors: { nickName: '请填写昵称' } });
        return;
      }
      this.setData({ submitting: true, fieldErrors: {} });
      try {
        const session = appSession();
        const { user } = await saveWithAvatar(
          pending,
          (avatarUrl) =>
            session.callAuthenticated(
              'updateUserInfo',
              { profile: avatarUrl ? { ...profile, avatarUrl } : profile },
              { loadingTitle: '保存中' },
            ),
          (uploading) => this.setData({ uploading }),
        );
        this.setData({ pendingAvatar: '' });
        session.setUser(user);
        leaveWithToast('已保存');
      } catch (error) {
        if (error instanceof AvatarUploadError) {
          this.showUploadFailure(error.original);
          return;
        }
        const fields = isCloudCallError(error) ? fieldErrorsFrom(error) : null;
        if (fields) this.setData({ fieldErrors: fields });
        else
          wx.showToast({
            title: isCloudCallError(error) ? displayMessage(error) : '保存失败',
            icon: 'none',
          });
      } finally {
        this.setData({ submitting: false });
      }
    },
  },
});
