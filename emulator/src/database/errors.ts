/**
 * Error codes of the TCB admin protocol, as production answers them and wx-server-sdk maps them
 * (see /work/shared/reference/cloudbase-protocol.md). A reply with `code` is an error reply.
 */
export const DB_ERROR_CODES = [
  'SYS_ERR',
  'INVALID_PARAM',
  'DATABASE_REQUEST_FAILED',
  'DATABASE_INVALID_OPERRATOR', // sic: the protocol spells it this way
  'DATABASE_COLLECTION_NOT_EXIST',
  'DATABASE_COLLECTION_ALREADY_EXIST',
  'DATABASE_DUPLICATE_WRITE',
  'DATABASE_TRANSACTION_CONFLICT',
  'DATABASE_TRANSACTION_FAIL',
] as const;

export type DbErrorCode = (typeof DB_ERROR_CODES)[number];

/** An expected failure that becomes a `{ code, message, requestId }` reply. */
export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

export interface ErrorReply extends Record<string, unknown> {
  code: DbErrorCode;
  message: string;
  requestId: string;
}

/**
 * Turns anything thrown while handling a request into a protocol error reply.
 * Errors from mingo (bad operator, bad expression) are request failures, as production reports
 * a bad query; anything else is an internal fault and answers SYS_ERR.
 */
export function toErrorReply(error: unknown, requestId: string): ErrorReply {
  if (error instanceof DbError) return { code: error.code, message: error.message, requestId };
  const message = error instanceof Error ? error.message : String(error);
  // mingo's MingoError is not importable under our moduleResolution, so match it by class name.
  const fromMingo = error instanceof Error && error.constructor.name === 'MingoError';
  const code: DbErrorCode = fromMingo ? 'DATABASE_REQUEST_FAILED' : 'SYS_ERR';
  return { code, message, requestId };
}

export const collectionNotExist = (name: string): DbError =>
  new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem persists, contact us.`,
  );

export const duplicateKey = (collection: string, id: string): DbError =>
  new DbError(
    'DATABASE_DUPLICATE_WRITE',
    `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  );

export const transactionConflict = (): DbError =>
  new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflicted with other operations. Please retry the transaction.',
  );

export const transactionFailed = (id: string, why: string): DbError =>
  new DbError(
    'DATABASE_TRANSACTION_FAIL',
    `[ResourceUnavailable.TransactionFail] transaction ${id} ${why}`,
  );

export const invalidParam = (message: string): DbError => new DbError('INVALID_PARAM', message);

/**
 * Runs query/update/pipeline evaluation on caller-supplied expressions. mingo throws MingoError
 * for most bad input but plain TypeErrors for some (e.g. `$in: 5`); either way the request was
 * at fault, so the reply is DATABASE_REQUEST_FAILED rather than SYS_ERR.
 */
export function evaluating<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DbError) throw error;
    throw new DbError(
      'DATABASE_REQUEST_FAILED',
      error instanceof Error ? error.message : String(error),
    );
  }
}
