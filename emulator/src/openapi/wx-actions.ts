/**
 * JSON admin actions of the WeChat side that the emulator does not emulate: `wx.api`
 * (`cloud.callOpenAPI`, and the 1.x SDK's callWXOpenAPI/svrkit path) and friends. Without this
 * they reached the database and failed as a misleading `unknown action: wx.api`; now the caller
 * gets a CloudBase error naming what is not emulated and what is.
 */
import { OPENAPI_ACTION } from './admin-action';

export const NOT_EMULATED_WX_ACTIONS = ['wx.api', 'wx.wxPayApi', 'wx.wxCallContainerApi'];

export function handleNotEmulatedWxAction(body: Record<string, unknown>): Record<string, unknown> {
  const apiName =
    typeof body.apiName === 'string' && body.apiName !== '' ? ` (${body.apiName})` : '';
  return {
    code: 'SYS_ERR',
    message:
      `${String(body.action)}${apiName} is not emulated by the local emulator; cloud calls go through ` +
      `${OPENAPI_ACTION} (cloud.openapi.*, cloud.getOpenData): see docs/emulator-openapi.md`,
  };
}
