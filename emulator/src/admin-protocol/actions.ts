/**
 * Which capability answers which TCB admin action. A new capability that the SDK reaches
 * through `POST /admin` (e.g. `wx.openApi`) adds one entry here; the first entry whose
 * `matches` accepts the action answers, and the database takes everything else.
 */
import { INVOKE_FUNCTION_ACTION, invokeFromSdk } from '../functions/invoke-action';
import type { EmulatorContext } from '../app/context';
import { handleNotEmulatedWxAction, NOT_EMULATED_WX_ACTIONS } from '../openapi';
import { handleStorageAction, storageFor } from '../storage';
import { handleLegacyAction, LEGACY_DATABASE_ACTIONS } from './legacy-actions';

export interface AdminCall {
  /** The parsed body (always an object with a string `action`). */
  body: Record<string, unknown> & { action: string };
  /** Set on `/admin/i/<invocationId>`: the function invocation that made the call. */
  invocationId: string | undefined;
}

export interface AdminAction {
  matches(action: string): boolean;
  /** The reply body; the protocol always answers 200, errors travel as `{code, message}`. */
  handle(call: AdminCall, ctx: EmulatorContext): Promise<unknown>;
}

export const adminActions: readonly AdminAction[] = [
  {
    // `cloud.callFunction()` made inside a function.
    matches: (action) => action === INVOKE_FUNCTION_ACTION,
    handle: ({ body, invocationId }, ctx) => invokeFromSdk(ctx.functions, body, invocationId),
  },
  {
    // The server SDK's uploadFile/getTempFileURL/deleteFile.
    matches: (action) => action.startsWith('storage.'),
    handle: ({ body }, ctx) => handleStorageAction(storageFor(ctx), body, ctx.url()),
  },
  {
    // WeChat-side JSON actions the emulator does not emulate get an error naming them.
    matches: (action) => NOT_EMULATED_WX_ACTIONS.includes(action),
    handle: ({ body }) => Promise.resolve(handleNotEmulatedWxAction(body)),
  },
  {
    // wx-server-sdk 1.x/2.0.x name some database actions differently (`database.aggregate`...).
    matches: (action) => Object.hasOwn(LEGACY_DATABASE_ACTIONS, action),
    handle: ({ body, invocationId }, ctx) =>
      handleLegacyAction(body, (current) => databaseCall(ctx, current, invocationId)),
  },
  {
    matches: () => true,
    handle: ({ body, invocationId }, ctx) => databaseCall(ctx, body, invocationId),
  },
];

function databaseCall(
  ctx: EmulatorContext,
  body: Record<string, unknown>,
  invocationId: string | undefined,
): Promise<Record<string, unknown>> {
  const callContext = invocationId
    ? { invocationId, functionName: ctx.functions.functionNameOf(invocationId) }
    : {};
  return ctx.database.handle(body, callContext);
}
