/** Failures of a function call, with the errCodes and message shapes Cloud Development uses. */
export const ERR_FUNCTION_CALL_FAIL = -504001;
export const ERR_FUNCTION_EXECUTE_FAIL = -504002;

export interface CallFailure {
  status: number;
  errCode: number;
  errMsg: string;
}

export function functionNotFound(name: string, functionRoot: string): CallFailure {
  return {
    status: 404,
    errCode: ERR_FUNCTION_CALL_FAIL,
    errMsg:
      `functions call fail | errMsg: [ResourceNotFound.Function] function "${name}" not found ` +
      `(list it in cloudbaserc.json or add ${functionRoot}/${name}/index.js)`,
  };
}

/** Listed in cloudbaserc.json, but its folder has no handler file (not built or not written yet). */
export function functionNotBuilt(name: string, file: string): CallFailure {
  return {
    status: 404,
    errCode: ERR_FUNCTION_CALL_FAIL,
    errMsg:
      `functions call fail | errMsg: function "${name}" is listed in cloudbaserc.json but ${file} ` +
      'does not exist (run npm run build, or write the function)',
  };
}

/** main threw or rejected, the process died, or the call timed out (`status` tells which). */
export function executeFail(detail: string, status = 500): CallFailure {
  return {
    status,
    errCode: ERR_FUNCTION_EXECUTE_FAIL,
    errMsg: `functions execute fail | errMsg: ${detail}`,
  };
}

export function timeoutText(seconds: number): string {
  return `Invoking task timed out after ${seconds} seconds`;
}
