import { EJSON, type Document } from 'bson';
import { badRequest } from '../http/http-error';
import { isPlainObject } from '../shared/plain-object';
import type { JsonObject } from './types';

/**
 * The console speaks relaxed Extended JSON (readable dates, plain numbers); the TCB admin protocol
 * speaks canonical Extended JSON strings. These helpers convert between the two so that every
 * console operation goes through `Database.handle` exactly like a `wx-server-sdk` call would.
 */

/** A canonical EJSON string, as the SDK would send it. */
export function toProtocol(value: Document): string {
  return EJSON.stringify(value, { relaxed: false });
}

/** One list item of a getDocument reply (an EJSON string) as a readable relaxed object. */
export function fromProtocol(item: unknown): JsonObject {
  const parsed: unknown = typeof item === 'string' ? EJSON.parse(item, { relaxed: false }) : item;
  return EJSON.serialize(parsed, { relaxed: true }) as JsonObject;
}

/** Parses user-typed relaxed EJSON (e.g. `{"$date":"2024-01-01T00:00:00Z"}`) into BSON values. */
export function parseUserJson(text: string, what: string): Document {
  let value: unknown;
  try {
    value = EJSON.parse(text, { relaxed: true });
  } catch (error) {
    throw badRequest(`${what} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(value)) throw badRequest(`${what} must be a JSON object`);
  return value;
}

/** A document the console sent (already JSON-parsed) turned into BSON values. */
export function documentFromBody(body: unknown): Document {
  if (!isPlainObject(body)) throw badRequest('document must be a JSON object');
  return EJSON.deserialize(body, { relaxed: true });
}

/**
 * A filter typed in the console, encoded as `where(filter)` would encode it: nested plain objects
 * become dot paths (`{a:{b:1}}` -> `{"a.b":1}`), operator keys (`$gt`) stay under their field,
 * and a field left with nothing to match is dropped. Mirrors @cloudbase/database's
 * flattenQueryObject so a console filter and the same `where` in a function match the same rows.
 */
export function encodeWhere(filterText: string): string | undefined {
  if (filterText.trim() === '') return undefined;
  const flat = flattenWhere(parseUserJson(filterText, 'filter'));
  return Object.keys(flat).length === 0 ? undefined : toProtocol(flat);
}

export function flattenWhere(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (key.startsWith('$') || !isPlainObject(value)) {
      out[key] = value;
      continue;
    }
    const operators: Record<string, unknown> = {};
    for (const [childKey, childValue] of Object.entries(flattenWhere(value))) {
      if (childKey.startsWith('$')) operators[childKey] = childValue;
      else out[`${key}.${childKey}`] = childValue;
    }
    if (Object.keys(operators).length > 0) out[key] = operators;
  }
  return out;
}

/** `sort=field&order=desc` as the protocol's `order` string (`{"field":-1}`). */
export function encodeOrder(field: string | null, order: string | null): string | undefined {
  if (!field) return undefined;
  return toProtocol({ [field]: order === 'desc' || order === 'descending' ? -1 : 1 });
}
