import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { envIdFor } from './utils/cloud-env';

/** True until the first onShow after onLaunch has passed: launching is not "coming back". */
let launching = true;

App({
  onLaunch() {
    if (!wx.cloud) {
      // 基础库过低时 wx.cloud 不存在：云开发需要基础库 2.2.3 及以上。
      console.error('请使用 2.2.3 或以上的基础库以使用云能力（当前基础库不支持 wx.cloud）');
      return;
    }
    // 开发版、体验版、正式版各用 config/env.ts 里自己的环境。
    wx.cloud.init({ env: envIdFor(), traceUser: true });
    // A silent login when there is no session (never after 退出登录), else a check when due,
    // which carries sliding renewal and the server's clock to the phone. No network while the
    // stored session was checked recently. Failures show on the home page with 重试.
    const session = installSession();
    void session.refresh();
    // A launch that failed offline recovers by itself when the network comes back.
    wx.onNetworkStatusChange?.((status) => {
      const { status: state, error } = session.getSnapshot();
      if (status.isConnected && state === 'failed' && error?.code === 'NETWORK') {
        void session.refresh();
      }
    });
  },
  onShow() {
    if (launching) {
      launching = false;
      return;
    }
    if (wx.cloud) void appSession().refresh();
  },
});
