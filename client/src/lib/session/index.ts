export { SessionManager } from './session-manager';
export type { WithoutToken } from './token-call';
export { wxSessionDeps, wxStorage, wxLoading } from './wx-deps';
export type {
  CallOptions,
  KeyValueStorage,
  LoadingIndicator,
  RetryPolicy,
  SessionDeps,
  SessionSnapshot,
  SessionStatus,
  StoredSession,
} from './types';
