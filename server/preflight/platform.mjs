// The checks every project using wx-cloud-login needs, whatever its layout: the AppID, an
// admin, and the MP admin settings no file shows (reminders with links). Shared by
// scripts/preflight.mjs (this repository) and cli.mjs (an adopting project).

const DOCS = 'https://developers.weixin.qq.com/miniprogram/dev/framework';
/**
 * The privacy consent APIs (2.32.3); avatar/nickname fill-in and the phone number code need
 * 2.21.2. Below it the pages degrade with a notice, but 审核 expects the declared features to work.
 */
export const MIN_BASE_LIBRARY = '2.32.3';

/** DevTools' tourist id cannot upload, use cloud development or pass 审核. */
export function checkAppid(report, projectConfig) {
  const appid = projectConfig.appid;
  if (!appid || appid === 'touristappid') {
    report.block(
      `project.config.json 的 appid ${appid ? `仍是 ${appid}（游客 AppID）` : '为空'}`,
      '改成自己的小程序 AppID（微信公众平台 → 开发管理 → 开发设置 → AppID）',
    );
  }
}

/** Without an admin nobody can disable or delete accounts; `where` names where to set one. */
export function checkAdmins(report, adminOpenids, where) {
  if (!String(adminOpenids ?? '').trim()) {
    report.block(
      `${where} 的 ADMIN_OPENIDS 为空，没有人能处理停用、删除等管理操作`,
      '填入至少一个管理员的 OPENID（逗号分隔；OPENID 可在云开发控制台 users 集合里查到）',
    );
  }
}

/** The MP admin settings: the base library floor and the privacy declarations. */
export function remindPlatformSettings(report, { phoneBinding }) {
  report.remind(
    `基础库最低版本设为 ${MIN_BASE_LIBRARY} 或以上（隐私授权弹窗需要；头像昵称、手机号 code 至少 2.21.2）`,
    `微信公众平台 → 设置 → 基础设置 → 基础库最低版本设置；${DOCS}/client-lib/version.html`,
  );
  report.remind(
    `《用户隐私保护指引》声明头像、昵称${phoneBinding ? '、手机号' : ''}（未声明的接口会直接失败）`,
    `微信公众平台 → 设置 → 服务内容声明 → 用户隐私保护指引；${DOCS}/user-privacy/`,
  );
}
