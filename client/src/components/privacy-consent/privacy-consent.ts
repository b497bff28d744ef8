/**
 * 隐私授权弹窗组件：页面放一个 <privacy-consent id="privacy-consent" />，页面里调用隐私接口（头像、
 * 昵称、手机号……）时，微信的 onNeedPrivacyAuthorization 由它弹出说明并等用户同意或拒绝；拒绝后在
 * 组件位置显示不能使用什么、如何再开启。页面可以调用它的 ensurePrivacyConsent()（昵称输入框获得焦点
 * 前）和 explainPrivacyFailure(errMsg)（隐私接口失败时）。
 *
 * The privacy consent sheet as a component, for pages that do not keep the markup themselves
 * (the packaged form of behaviors/privacy-consent.ts, whose state and methods it carries).
 */
import { privacyConsent } from '../../behaviors/privacy-consent';

Component({
  behaviors: [privacyConsent],
});
