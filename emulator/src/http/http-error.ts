/**
 * The one error the HTTP pipeline answers: thrown by any middleware or route, turned into a
 * reply by http/middleware/error-handler.ts. Every such reply has one shape, ErrorBody, which
 * carries both spellings clients read: `code`/`message` (the TCB admin protocol the SDK speaks,
 * and the console) and the numeric `errCode`/`errMsg` (wx.cloud callers, the bridge).
 */
export const ERR_SYS = -501001;
export const ERR_INVALID_PARAM = -501007;

export interface ErrorBody {
  code: string;
  message: string;
  errCode: number;
  errMsg: string;
}

export class HttpError extends Error {
  readonly errCode: number;

  constructor(
    readonly status: number,
    /** A string code: `INVALID_PARAM`, `NOT_FOUND`, a database code such as `DATABASE_COLLECTION_NOT_EXIST`. */
    readonly code: string,
    message: string,
    errCode?: number,
  ) {
    super(message);
    this.name = 'HttpError';
    this.errCode = errCode ?? (status >= 500 ? ERR_SYS : ERR_INVALID_PARAM);
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, errCode: this.errCode, errMsg: this.message };
  }
}

export function badRequest(message: string): HttpError {
  return new HttpError(400, 'INVALID_PARAM', message);
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', message);
}

export function forbidden(code: string, message: string): HttpError {
  return new HttpError(403, code, message);
}

/** Protocol codes that mean "your input", not "the emulator broke"; anything else is a 500. */
const CLIENT_ERROR_STATUS: Record<string, number> = {
  DATABASE_COLLECTION_NOT_EXIST: 404,
  DATABASE_COLLECTION_ALREADY_EXIST: 409,
  DATABASE_DUPLICATE_WRITE: 409,
  INVALID_PARAM: 400,
  DATABASE_INVALID_OPERRATOR: 400,
  DATABASE_REQUEST_FAILED: 400,
};

export function statusOfCode(code: string): number {
  return CLIENT_ERROR_STATUS[code] ?? 500;
}

/** An error thrown by a module with a protocol `code` (e.g. a bad import folder) as an HttpError. */
export function fromCodedError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    // Node's own errors (ENOENT...) carry codes too; they are internal, not the caller's fault.
    if (/^E[A-Z]+$/.test(error.code)) return undefined;
    return new HttpError(statusOfCode(error.code), error.code, error.message);
  }
  return undefined;
}
