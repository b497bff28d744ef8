/**
 * 云开发环境 ID：整个小程序只在这里配置。开发版、体验版、正式版可以用不同的环境（例如体验版连测试环境，
 * 正式版连生产环境），按 wx.getAccountInfoSync().miniProgram.envVersion 选择（lib/cloud-env.ts）。
 * The CloudBase environment id per build: develop (开发版/DevTools), trial (体验版), release (正式版).
 *
 * 发布前改成自己的环境 ID（云开发控制台 → 设置 → 环境 ID）；`npm run preflight` 会检查占位值。
 * Replace them with your own environment ids before publishing; `npm run preflight` checks.
 */
export type EnvVersion = 'develop' | 'trial' | 'release';

/** The id this repository ships with: a placeholder that no real environment has. */
export const PLACEHOLDER_ENV_ID = 'wx-cloud-login-dev';

export const CLOUD_ENV_IDS: Record<EnvVersion, string> = {
  develop: 'wx-cloud-login-dev',
  trial: 'wx-cloud-login-dev',
  release: 'wx-cloud-login-dev',
};

/** The development environment (kept for code that needs one id, e.g. tests and tools). */
export const CLOUD_ENV_ID = CLOUD_ENV_IDS.develop;
