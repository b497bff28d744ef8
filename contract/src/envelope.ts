import { ERROR_MESSAGES, type ErrorBody, type ErrorCode, type ErrorDetails } from './errors';

/** What every cloud function returns: expected failures are data, not thrown errors. */
export type Envelope<T> = Success<T> | Failure;

export interface Success<T> {
  ok: true;
  data: T;
  /** The server's clock (ms) when it answered; the client re-estimates its clock offset from it. */
  serverTime?: number;
}

export interface Failure {
  ok: false;
  error: ErrorBody;
  serverTime?: number;
}

export function success<T>(data: T): Success<T> {
  return { ok: true, data };
}

export function failure(code: ErrorCode, details?: ErrorDetails, message?: string): Failure {
  const error: ErrorBody = { code, message: message ?? ERROR_MESSAGES[code] };
  if (details) error.details = details;
  return { ok: false, error };
}
