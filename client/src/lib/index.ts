/**
 * 登录客户端的公开接口，作为 npm 包 wx-cloud-login-miniprogram 发布（client/package.json）：
 * 会话管理、带类型的 call、错误类型与契约类型。组件在包内 components/ 下，用 usingComponents 引用。
 *
 * The public API of the login client, published as wx-cloud-login-miniprogram. Components are
 * under the package's components/ (usingComponents); the privacy behavior for pages that keep
 * their own sheet is `wx-cloud-login-miniprogram/behaviors/privacy-consent`.
 */
export { installSession, appSession } from './app-session';
export { SessionManager, wxSessionDeps, wxStorage, wxLoading } from './session/index';
export type {
  CallOptions,
  KeyValueStorage,
  LoadingIndicator,
  RetryPolicy,
  SessionDeps,
  SessionSnapshot,
  SessionStatus,
  StoredSession,
  WithoutToken,
} from './session/index';
export { call, createCall } from './call';
export type { CallHooks, CloudFunctionCaller, TypedCall } from './call';
export {
  CLIENT_ERROR_MESSAGES,
  CloudCallError,
  isCloudCallError,
  isSessionRejection,
  isTransient,
} from './cloud-error';
export type { ClientErrorCode, TransportErrorCode } from './cloud-error';
export { canIUse, privacyFailureOf, requirePrivacy, PRIVACY_MESSAGES } from './privacy';
export { displayMessage } from './error-log';
export { runBusy } from './busy-request';
export * from '../../../contract/src/index';
