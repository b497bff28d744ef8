/**
 * Every built-in function's handler, by function name: what the server package exports for
 * one-line function folders, and what this repository's own bundles are built from
 * (scripts/build/functions.mjs). Each definition is marked pure, so a bundle that exports one
 * handler leaves the others out.
 */
export { main as login } from './functions/login';
export { main as checkSession } from './functions/checkSession';
export { main as updateUserInfo } from './functions/updateUserInfo';
export { main as reserveAvatarUpload } from './functions/reserveAvatarUpload';
export { main as logout } from './functions/logout';
export { main as deleteAccount } from './functions/deleteAccount';
export { main as adminUsers } from './functions/adminUsers';
export { main as bindPhoneNumber } from './functions/bindPhoneNumber';
export { main as unbindPhoneNumber } from './functions/unbindPhoneNumber';
export { main as onUserAuthorizationChange } from './functions/onUserAuthorizationChange';
export { main as cleanupSessions } from './functions/cleanupSessions';
