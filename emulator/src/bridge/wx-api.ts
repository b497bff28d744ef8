/**
 * How wx APIs report results, reproduced for the bridge: every API returns a promise when no
 * callback is given, otherwise calls success/fail then complete. Failures carry errMsg
 * `<api>:fail <detail>` and an errCode, as the real base library does.
 */
export interface WxCallbacks<T> {
  success?: (result: T) => void;
  fail?: (error: WxApiError) => void;
  complete?: (result: T | WxApiError) => void;
}

/** What a failed wx.cloud call rejects with: an Error carrying errCode and errMsg. */
export interface WxApiError extends Error {
  errCode: number;
  errMsg: string;
}

export function wxError(api: string, errCode: number, detail: string): WxApiError {
  const errMsg = `${api}:fail ${detail}`;
  return Object.assign(new Error(errMsg), { errCode, errMsg });
}

export function isWxApiError(value: unknown): value is WxApiError {
  return value instanceof Error && typeof (value as Partial<WxApiError>).errCode === 'number';
}

/**
 * Runs `work` in the promise or the callback form depending on the options, like wx does:
 * with any of success/fail/complete the call returns undefined and reports through them.
 */
export function promiseOrCallbacks<T>(
  options: WxCallbacks<T>,
  work: () => Promise<T>,
  toError: (cause: unknown) => WxApiError,
): Promise<T> | undefined {
  const settled = work().catch((cause: unknown) => {
    throw isWxApiError(cause) ? cause : toError(cause);
  });
  if (!options.success && !options.fail && !options.complete) return settled;
  settled.then(
    (result) => {
      options.success?.(result);
      options.complete?.(result);
    },
    (error: WxApiError) => {
      options.fail?.(error);
      options.complete?.(error);
    },
  );
  return undefined;
}
