/**
 * Which capability answers which TCB admin action. A new capability that the SDK reaches
 * through `POST /admin` (e.g. `wx.openApi`) adds one entry here; the first entry whose
 * `matches` accepts the action answers, and the database takes everything else.
 */
import { INVOKE_FUNCTION_ACTION, invokeFromSdk } from '../functions/invoke-action';
import type { EmulatorContext } from '../app/context';
import { handleStorageAction, storageFor } from '../storage';

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
    matches: () => true,
    handle: async ({ body, invocationId }, ctx) => {
      const callContext = invocationId
        ? { invocationId, functionName: ctx.functions.functionNameOf(invocationId) }
        : {};
      return ctx.database.handle(body, callContext);
    },
  },
];
