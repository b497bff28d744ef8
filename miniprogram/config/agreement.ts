/**
 * 用户协议：发布前换成自己的协议全文（每段一项）。`npm run preflight` 提醒仍是模板的情况。
 * The user agreement shown on pages/agreement: replace it with your own before publishing.
 */
export const AGREEMENT_IS_TEMPLATE = true;

export const USER_AGREEMENT: readonly string[] = [
  '【模板，发布前请替换】欢迎使用本小程序。使用前请阅读本协议。',
  '一、账号：本小程序使用你的微信身份登录，不要求你提供昵称、头像或手机号；这些资料由你自愿填写，可随时修改或删除。',
  '二、注销：你可以在“我的 → 编辑资料 → 注销账号”中注销，注销后我们删除你的账号及相关数据。',
  '三、个人信息的处理见《用户隐私保护指引》。',
  '四、联系我们：可通过小程序内的客服与我们联系。',
];
