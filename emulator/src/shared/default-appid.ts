/**
 * The AppID calls carry when a test or the console names none. Shared (not owned by functions/)
 * because cloud calls and function invocations both stamp it on what they answer.
 */
export const DEFAULT_APPID = 'wx0000000000000000';
