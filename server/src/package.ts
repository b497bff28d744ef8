/**
 * Entry of the published server package (wx-cloud-login-server, server/package.json): every
 * built-in function as a ready handler, so a function folder's index.js is one line
 * (`exports.main = require('wx-cloud-login-server').login`), plus what a team needs to write
 * its own functions behind the session. wx-server-sdk is the function folder's own (a peer
 * dependency), never bundled here.
 */
import { readConfig } from './config';

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

export * from './index';
export { configure } from './config-options';
export type { ConfigOptions } from './config-options';
export { ConfigError } from './config';
export type * from '../../contract/src';

// The environment is checked when the function loads: a bad variable stops the instance with
// one error naming every problem (in the function's log), instead of each call failing later.
// Options given to configure() are checked when it runs.
readConfig();
