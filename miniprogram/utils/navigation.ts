/**
 * Leaves a page after a success and says so. The toast is shown once the navigation is done:
 * shown before it, the closing page takes it away. A page opened first (from a share, a scan or
 * a notification) has nothing to go back to, so it goes to the home page instead.
 */
export function leaveWithToast(title: string): void {
  const show = () => void wx.showToast({ title, icon: 'success' });
  const home = () => void wx.reLaunch({ url: '/pages/index/index', success: show });
  // getCurrentPages is a global of the mini program runtime (absent in plain Node).
  const pages = typeof getCurrentPages === 'function' ? getCurrentPages() : null;
  if (pages && pages.length < 2) home();
  else wx.navigateBack({ success: show, fail: home });
}
