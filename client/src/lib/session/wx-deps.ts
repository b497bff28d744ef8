import type { KeyValueStorage, LoadingIndicator, SessionDeps } from './types';

/** wx storage: survives restarts of the mini program, cleared when the user deletes it. */
export const wxStorage: KeyValueStorage = {
  get: (key) => wx.getStorageSync(key),
  set: (key, value) => wx.setStorageSync(key, value),
  remove: (key) => wx.removeStorageSync(key),
};

/**
 * wx.showLoading with `mask`, so nothing is tapped twice. Only for what the user started
 * (登录/重试, 保存): silent logins show nothing, and every call has a client timeout.
 */
export const wxLoading: LoadingIndicator = {
  show: (title) => void wx.showLoading({ title, mask: true }),
  hide: () => void wx.hideLoading(),
};

/** The manager's dependencies in a real mini program. */
export function wxSessionDeps(overrides: Partial<SessionDeps> = {}): SessionDeps {
  return { cloud: wx.cloud, storage: wxStorage, loading: wxLoading, ...overrides };
}
