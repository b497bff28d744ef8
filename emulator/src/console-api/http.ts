import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from './types';

/** Bodies the console sends are small (a document, a call event); larger ones are refused. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** A failure with an HTTP status; the router turns it into an `ApiError` body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function badRequest(message: string): HttpError {
  return new HttpError(400, 'BAD_REQUEST', message);
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', message);
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'BODY_TOO_LARGE', 'request body too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('request body is not valid JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    // The console always wants fresh data (counts, logs).
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** Codes from the admin protocol that mean "your input", not "the emulator broke". */
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

export function sendError(res: ServerResponse, error: unknown): void {
  // The database module throws errors carrying a protocol code (e.g. a bad import folder).
  if (
    !(error instanceof HttpError) &&
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string'
  ) {
    error = new HttpError(statusOfCode(error.code), error.code, error.message);
  }
  if (error instanceof HttpError) {
    const body: ApiError = { error: { code: error.code, message: error.message } };
    sendJson(res, error.status, body);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  const body: ApiError = { error: { code: 'INTERNAL', message } };
  sendJson(res, 500, body);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
