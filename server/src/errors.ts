import type { ErrorCode, ErrorDetails, InvalidArgumentReason } from '../../contract/src';

/**
 * An expected failure. The entry wrapper turns it into `{ ok: false, error }` as is; any other
 * thrown value becomes INTERNAL so nothing internal reaches the client.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetails,
  ) {
    super(details?.field ? `${code}: ${details.field} ${details.reason ?? ''}`.trim() : code);
    this.name = 'AppError';
  }
}

/** INVALID_ARGUMENT naming the field (dot path) and one of the contract's reasons. */
export function invalidArgument(field: string, reason: InvalidArgumentReason): AppError {
  return new AppError('INVALID_ARGUMENT', { field, reason });
}
