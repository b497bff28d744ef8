/** Request bodies: one bounded reader and one JSON parser, used only by the pipeline. */
import type { IncomingMessage } from 'node:http';
import { HttpError, badRequest } from './http-error';

/** SCF's limit for a synchronous request event: JSON bodies (function calls, /admin, /api). */
export const JSON_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
/** Past this much discarded input the connection is cut instead of drained. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

function tooLarge(limit: number): HttpError {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${limit} bytes`;
  return new HttpError(413, 'INVALID_PARAM', `request body is larger than ${size}`);
}

/** True when the request announces a body (a length above 0, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return req.headers['transfer-encoding'] !== undefined;
}

/** `application/json; charset=utf-8` -> `application/json`. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Reads the whole body, refusing more than `limit` bytes. An oversized body is drained (not cut)
 * so the client can still read the 413 reply instead of seeing a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        req.destroy();
        return;
      }
      if (size > limit) overflow = true;
      if (!overflow) chunks.push(chunk);
    });
    req.on('end', () => (overflow ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(badRequest('request body was cut off'));
    });
  });
}

/** Refuses a body on a route that takes none (without reading it). */
export function refuseBody(): HttpError {
  return new HttpError(413, 'INVALID_PARAM', 'this endpoint takes no request body');
}

/** Parses a JSON body; an empty (or blank) body is undefined. */
export function parseJson(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`request body is not valid JSON: ${(error as Error).message}`);
  }
}
