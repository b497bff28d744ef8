/**
 * An error the HTTP layer answers itself (bad JSON, missing header, body too large...).
 * Every such reply is `{ errCode, errMsg }` with a non-2xx status; `code` adds the TCB admin
 * protocol's string code for /admin callers (the SDK reads `code`/`message`).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errCode: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): Record<string, string | number> {
    const body: Record<string, string | number> = { errCode: this.errCode, errMsg: this.message };
    if (this.code) {
      body.code = this.code;
      body.message = this.message;
    }
    return body;
  }
}

/** errCodes of the CloudBase platform used by the HTTP layer. */
export const ERR_SYS = -501001;
export const ERR_INVALID_PARAM = -501007;
