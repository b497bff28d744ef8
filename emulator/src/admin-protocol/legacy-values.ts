/**
 * Values of the legacy database protocol (@cloudbase/database 0.9.x, bundled by wx-server-sdk
 * 1.x and 2.0.x through tcb-admin-node): queries, documents and updates travel as plain JSON
 * objects with Mongo's legacy markers, where the current protocol sends Extended JSON strings.
 */
import { EJSON } from 'bson';

type Json = unknown;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A legacy request value in the current protocol's terms: `{$date: ms}` a date,
 * `{$date: {offset}}` a server date (db.serverDate()), `{$regex, $options}` a regular expression.
 */
export function fromLegacy(value: Json): Json {
  if (Array.isArray(value)) return value.map(fromLegacy);
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$date') {
    const date = value.$date;
    if (typeof date === 'number') return { $date: { $numberLong: String(Math.trunc(date)) } };
    if (isObject(date)) {
      const offset = typeof date.offset === 'number' ? date.offset : 0;
      return { $tcb_server_date: { offset } };
    }
  }
  if (typeof value.$regex === 'string' && keys.every((k) => k === '$regex' || k === '$options')) {
    const options = typeof value.$options === 'string' ? value.$options : '';
    return { $regularExpression: { pattern: value.$regex, options } };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = fromLegacy(item);
  return out;
}

/** A legacy `order` (`[{field, direction: 'asc'|'desc'}]`) as the current `{field: 1|-1}`. */
export function orderFromLegacy(order: Json): Record<string, 1 | -1> | undefined {
  if (!Array.isArray(order) || order.length === 0) return undefined;
  const out: Record<string, 1 | -1> = {};
  for (const item of order as unknown[]) {
    if (!isObject(item) || typeof item.field !== 'string') continue;
    out[item.field] = item.direction === 'desc' ? -1 : 1;
  }
  return out;
}

/**
 * A stored document (canonical Extended JSON text, as the current protocol lists them) in the
 * legacy reply shape: plain numbers, dates as `{$date: <ISO string>}`, which the old SDK
 * turns back into Date objects.
 */
export function documentToLegacy(text: string): Json {
  return JSON.parse(EJSON.stringify(EJSON.parse(text), { relaxed: true })) as Json;
}
