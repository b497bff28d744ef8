import type { ConsoleDatabase } from './deps';
import { HttpError, isRecord, statusOfCode } from './http';

/**
 * Sends one admin protocol body through the same entry point the SDK uses and returns its `data`.
 * A protocol error (`{code, message}`) becomes an HttpError carrying that code.
 */
export async function callProtocol(
  database: ConsoleDatabase,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  // No invocation context: statistics count the call in `calls`/`byAction` only, never in a
  // function's `byInvocation`, so per-call round-trip counts stay exact with the console open.
  const reply: unknown = await database.handle({ envName: 'local', ...body });
  if (!isRecord(reply)) throw new HttpError(502, 'BAD_REPLY', 'database gave no reply');
  if (typeof reply.code === 'string' && reply.code !== '') {
    const message = typeof reply.message === 'string' ? reply.message : reply.code;
    throw new HttpError(statusOfCode(reply.code), reply.code, message);
  }
  return isRecord(reply.data) ? reply.data : {};
}
