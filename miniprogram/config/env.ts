/**
 * 云开发环境 ID：整个小程序只在这里配置一次。
 * The CloudBase environment id, configured in this one place only.
 *
 * 发布前改成自己的环境 ID（云开发控制台 → 设置 → 环境 ID）。
 * Replace it with your own environment id before publishing.
 */
export const CLOUD_ENV_ID = 'wx-cloud-login-dev';
