import type { ConsoleDatabase } from './deps';
import { HttpError, isRecord } from './http';

/** Codes from the admin protocol that mean "your input", not "the emulator broke". */
const CLIENT_ERROR_CODES: Record<string, number> = {
  DATABASE_COLLECTION_NOT_EXIST: 404,
  INVALID_PARAM: 400,
  DATABASE_INVALID_OPERRATOR: 400,
  DATABASE_REQUEST_FAILED: 400,
  DATABASE_DUPLICATE_WRITE: 409,
};

/**
 * Sends one admin protocol body through the same entry point the SDK uses and returns its `data`.
 * A protocol error (`{code, message}`) becomes an HttpError carrying that code.
 */
export async function callProtocol(
  database: ConsoleDatabase,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const reply: unknown = await database.handle(
    { envName: 'local', ...body },
    // Marks the call as the console's so statistics can tell it from function traffic.
    { source: 'console' },
  );
  if (!isRecord(reply)) throw new HttpError(502, 'BAD_REPLY', 'database gave no reply');
  if (typeof reply.code === 'string' && reply.code !== '') {
    const message = typeof reply.message === 'string' ? reply.message : reply.code;
    throw new HttpError(CLIENT_ERROR_CODES[reply.code] ?? 500, reply.code, message);
  }
  return isRecord(reply.data) ? reply.data : {};
}
