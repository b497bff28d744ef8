/** Request bodies: bounded reading and JSON parsing with clear errors. */
import type { IncomingMessage } from 'node:http';
import { ERR_INVALID_PARAM, HttpError } from './http-error';

/** SCF's limit for a synchronous request event (and the emulator's for any body). */
export const BODY_LIMIT_BYTES = 6 * 1024 * 1024;
/** Past this much discarded input the connection is cut instead of drained. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

function tooLarge(limit: number): HttpError {
  const mb = Math.round(limit / 1024 / 1024);
  return new HttpError(413, ERR_INVALID_PARAM, `request body is larger than ${mb} MB`);
}

/**
 * Reads the whole body, refusing more than `limit` bytes. An oversized body is drained (not cut)
 * so the client can still read the 413 reply instead of seeing a reset connection.
 */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Buffer> {
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
    req.on('end', () =>
      overflow ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks, size)),
    );
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new HttpError(400, ERR_INVALID_PARAM, 'request body was cut off'));
    });
  });
}

/** Reads and parses a JSON body; an empty body is `{}`. */
export async function readJsonBody(
  req: IncomingMessage,
  limit = BODY_LIMIT_BYTES,
  code?: string,
): Promise<unknown> {
  const raw = await readBody(req, limit);
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch (error) {
    throw new HttpError(
      400,
      ERR_INVALID_PARAM,
      `request body is not valid JSON: ${(error as Error).message}`,
      code,
    );
  }
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
