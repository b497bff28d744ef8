import { CLOUD_ENV_ID } from './config/env';
import { appSession, installSession } from './lib/app-session';

/** True until the first onShow after onLaunch has passed: launching is not "coming back". */
let launching = true;

App({
  onLaunch() {
    if (!wx.cloud) {
      // 基础库过低时 wx.cloud 不存在：云开发需要基础库 2.2.3 及以上。
      console.error('请使用 2.2.3 或以上的基础库以使用云能力（当前基础库不支持 wx.cloud）');
      return;
    }
    wx.cloud.init({ env: CLOUD_ENV_ID, traceUser: true });
    // Login at launch costs no network call while the stored session is usable.
    installSession()
      .ensureLogin()
      .catch(() => undefined); // the home page shows the failure and a retry button
  },
  onShow() {
    if (launching) {
      launching = false;
      return;
    }
    if (wx.cloud) void appSession().refresh();
  },
});
