import { randomBytes } from 'node:crypto';
import { toCanonical } from './ejson';

/**
 * The SQLite primary key of a document. String ids (the usual case) are the key as is; any
 * other `_id` type gets a prefix no real string id starts with, so `1` and `"1"` stay distinct.
 */
export function idKey(id: unknown): string {
  if (typeof id === 'string') return id;
  return `\u0001${toCanonical({ v: id })}`;
}

/** Production ids look like 32 lowercase hex characters; ours do too. */
export const newDocumentId = (): string => randomBytes(16).toString('hex');
