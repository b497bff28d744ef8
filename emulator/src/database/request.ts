import { isPlainObject, parseEjsonObject, type Doc } from './ejson';
import { boundQuery } from './request-bounds';
import { invalidParam } from './errors';
import { replaceServerDates } from './server-date';

/** One parsed TCB admin request body. */
export type RequestBody = Record<string, unknown>;

export function requireString(body: RequestBody, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw invalidParam(`${field} is required`);
  return value;
}

export function optionalNumber(body: RequestBody, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalidParam(`${field} must be a non-negative integer`);
  }
  return value;
}

/** The transaction a request belongs to; the SDK sends `transactionId` only inside one. */
export function transactionIdOf(body: RequestBody): string | undefined {
  const value = body.transactionId;
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalidParam('transactionId must be a string');
  return value;
}

/** An optional EJSON object field (query, order, projection), server dates resolved. */
export function optionalEjson(body: RequestBody, field: string, now: number): Doc | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  // Some callers send the object itself rather than its EJSON text; accept both.
  const text = isPlainObject(value) ? JSON.stringify(value) : value;
  const parsed = replaceServerDates(parseEjsonObject(text, field), now);
  // A query's regexes run on the linear-time engine and its lists are capped.
  return field === 'query' ? boundQuery(parsed) : parsed;
}

export function requireEjson(body: RequestBody, field: string, now: number): Doc {
  const value = optionalEjson(body, field, now);
  if (!value) throw invalidParam(`${field} is required`);
  return value;
}

export type QueryType = 'DOC' | 'WHERE';

export function queryTypeOf(body: RequestBody): QueryType {
  const value = body.queryType ?? 'WHERE';
  if (value !== 'DOC' && value !== 'WHERE') throw invalidParam('queryType must be DOC or WHERE');
  return value;
}

/** The `_id` a DOC request addresses (`query` is `{"_id": ...}`). */
export function docIdOf(body: RequestBody, now: number): unknown {
  const query = requireEjson(body, 'query', now);
  if (query._id === undefined) throw invalidParam('a DOC request needs query._id');
  return query._id;
}

export const flag = (body: RequestBody, field: string, fallback: boolean): boolean =>
  typeof body[field] === 'boolean' ? (body[field] as boolean) : fallback;
