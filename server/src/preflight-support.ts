/**
 * What the package's preflight (server/preflight/cli.mjs) takes from the package itself, built
 * to dist/preflight/support.js: the same configuration validation and minimum SDK the functions
 * apply at load, without loading wx-server-sdk (a project root has none installed).
 */
export { ConfigError, readConfig } from './config';
export { checkSdkVersion, MIN_SDK_VERSION, SdkVersionError } from './sdk-version';
