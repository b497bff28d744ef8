import type { Database } from '../database';
import { HttpError, statusOfCode } from '../http/http-error';
import { isPlainObject } from '../shared/plain-object';

/**
 * Sends one admin protocol body through the same entry point the SDK uses and returns its `data`.
 * A protocol error (`{code, message}`) becomes an HttpError carrying that code.
 */
export async function callDatabase(
  database: Pick<Database, 'handle'>,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  // No invocation context: statistics count the call in `calls`/`byAction` only, never in a
  // function's `byInvocation`, so per-call round-trip counts stay exact with the console open.
  const reply: unknown = await database.handle({ envName: 'local', ...body });
  if (!isPlainObject(reply)) throw new HttpError(502, 'SYS_ERR', 'database gave no reply');
  if (typeof reply.code === 'string' && reply.code !== '') {
    const message = typeof reply.message === 'string' ? reply.message : reply.code;
    throw new HttpError(statusOfCode(reply.code), reply.code, message);
  }
  return isPlainObject(reply.data) ? reply.data : {};
}
