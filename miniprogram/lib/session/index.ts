export { SessionManager, type WithoutToken } from './session-manager';
export { wxSessionDeps, wxStorage, wxLoading } from './wx-deps';
export type * from './types';
