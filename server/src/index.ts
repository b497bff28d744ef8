/**
 * What an app author imports to write their own cloud function on top of wx-cloud-login:
 * the session guard, the plain entry wrapper, and the error helpers.
 */
export { withSession, authenticate } from './guard';
export type { SessionContext, SessionInfo, SessionOptions } from './guard';
export { defineFunction } from './entry';
export type { CloudFunctionMain, DefineOptions, Handler, Invocation, ScfContext } from './entry';
export { AppError, invalidArgument } from './errors';
export type { Identity } from './identity';
export { readConfig, CONFIG_VARIABLES } from './config';
export type { ServerConfig, SessionPolicy } from './config';
