import { isPlainObject } from './ejson';

/**
 * `db.serverDate({ offset })` travels as `{"$tcb_server_date":{"offset":<ms>}}`; production
 * replaces it with the server's time plus the offset wherever it appears (documents, `$set`,
 * replacement documents and queries). `now` is read once per request so that every marker in
 * one request gets the same instant, as one server-side write would.
 */
export function replaceServerDates<T>(value: T, now: number): T {
  return replace(value, now) as T;
}

function replace(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((v) => replace(v, now));
  if (!isPlainObject(value)) return value;
  const marker = value.$tcb_server_date;
  if (marker !== undefined && Object.keys(value).length === 1) {
    const offset = isPlainObject(marker) && typeof marker.offset === 'number' ? marker.offset : 0;
    return new Date(now + offset);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = replace(v, now);
  return out;
}
