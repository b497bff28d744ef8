/**
 * Entry of the published server package (wx-cloud-login-server, server/package.json): every
 * built-in function as a ready handler, so a function folder's index.js is one line
 * (`exports.main = require('wx-cloud-login-server').login`), plus what a team needs to write
 * its own functions behind the session. wx-server-sdk is the function folder's own (a peer
 * dependency), never bundled here.
 */
import { readConfig } from './config';

export * from './handlers';
export * from './index';
export { configure } from './config-options';
export type { ConfigOptions } from './config-options';
export { ConfigError } from './config';
export { MIN_SDK_VERSION, SdkVersionError } from './sdk-version';
export type * from '../../contract/src';

// The environment is checked when the function loads: a bad variable stops the instance with
// one error naming every problem (in the function's log), instead of each call failing later.
// Options given to configure() are checked when it runs.
readConfig();
