import { SUPPORT_PAGE } from '../../config/support';
import { displayMessage, type SessionSnapshot } from 'wx-cloud-login-miniprogram';

/** What pages/index renders; built from the session snapshot by one pure function. */
export interface HomeView {
  status: SessionSnapshot['status'];
  nickName: string;
  avatarUrl: string;
  loginCount: number;
  errorMessage: string;
  /** Shows the 用户管理 entry (admin/, a subpackage); the server checks the role again on every call. */
  isAdmin: boolean;
  /** Where a banned user asks for help: '' for the customer-service button (config/support.ts). */
  supportPage: string;
}

export const EMPTY_HOME_VIEW: HomeView = {
  status: 'logged-out',
  nickName: '',
  avatarUrl: '',
  loginCount: 0,
  errorMessage: '',
  isAdmin: false,
  supportPage: SUPPORT_PAGE,
};

export function homeView(snapshot: SessionSnapshot): HomeView {
  const user = snapshot.session?.user;
  return {
    status: snapshot.status,
    // A new user has no nickname until they fill in the profile (login never asks for it).
    nickName: user?.nickName || '未设置昵称',
    avatarUrl: user?.avatarUrl ?? '',
    loginCount: user?.loginCount ?? 0,
    // Development builds add the raw errCode/errMsg (an env id typo is then obvious).
    errorMessage: snapshot.error ? displayMessage(snapshot.error) : '',
    isAdmin: (user?.roles ?? []).includes('admin'),
    supportPage: SUPPORT_PAGE,
  };
}
