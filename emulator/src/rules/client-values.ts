/**
 * Client request values: EJSON in and out, the `'{openid}'` placeholder, `_openid` checks.
 * Kept apart from the database's own EJSON helpers: the rules module only reads what the
 * client sent and passes an equivalent request on.
 */
import { EJSON } from 'bson';
import { isRecord } from './values';

export type Doc = Record<string, unknown>;

export const OPENID_PLACEHOLDER = '{openid}';

export class ClientInputError extends Error {}

/** A field the SDK sends as EJSON text (some callers send the object itself). */
export function parseEjsonField(value: unknown, what: string): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return EJSON.parse(value, { relaxed: true });
  } catch (error) {
    throw new ClientInputError(`${what} is not valid Extended JSON: ${(error as Error).message}`);
  }
}

export const toEjson = (value: unknown): string => EJSON.stringify(value, { relaxed: false });

/**
 * Replaces every string `'{openid}'` with the caller's OPENID, as production does server-side,
 * except inside `$elemMatch` (reportedly left alone there; the stricter reading).
 */
export function substituteOpenid(value: unknown, openid: string, depth = 0): unknown {
  if (depth > 64) throw new ClientInputError('value nested more than 64 deep');
  if (value === OPENID_PLACEHOLDER) return openid;
  if (Array.isArray(value)) return value.map((v) => substituteOpenid(v, openid, depth + 1));
  if (!isRecord(value)) return value;
  const out: Doc = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '$elemMatch' ? v : substituteOpenid(v, openid, depth + 1);
  }
  return out;
}

const isOpenidPath = (path: unknown): boolean =>
  typeof path === 'string' && (path === '_openid' || path.startsWith('_openid.'));

/**
 * Does an add/update/set payload try to write `_openid`: directly, by path, in an operator, or
 * as the target of `$rename` (`_.rename({ x: '_openid' })` moves another field onto it)?
 */
export function writesOpenid(data: unknown, depth = 0): boolean {
  if (!isRecord(data) || depth > 2) return false;
  return Object.entries(data).some(
    ([key, value]) =>
      isOpenidPath(key) ||
      (key === '$rename' && isRecord(value) && Object.values(value).some(isOpenidPath)) ||
      (key.startsWith('$') && writesOpenid(value, depth + 1)),
  );
}

/** The data as an application wrote it (`$set` fields spread back, dotted paths nested). */
export function requestDataOf(update: unknown): Doc {
  if (!isRecord(update)) return {};
  const out: Doc = {};
  for (const [key, value] of Object.entries(update)) {
    if (key === '$set' && isRecord(value)) {
      for (const [path, v] of Object.entries(value)) setPath(out, path, v);
    } else if (key.startsWith('$') && isRecord(value)) {
      // Other operators ($inc, $push…): the field carries the command, e.g. { count: { $inc: 1 } }.
      for (const [path, v] of Object.entries(value)) setPath(out, path, { [key]: v });
    } else if (!key.startsWith('$')) {
      setPath(out, key, value);
    }
  }
  return out;
}

function setPath(target: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (part === '__proto__') return;
    if (!isRecord(node[part])) node[part] = {};
    node = node[part] as Doc;
  }
  const last = parts[parts.length - 1] as string;
  if (last !== '__proto__') node[last] = value;
}

/** `serverDate()` markers as the instant they will become, for judging a write. */
export function resolveServerDates(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveServerDates(v, now));
  if (!isRecord(value)) return value;
  const marker = value.$tcb_server_date;
  if (marker !== undefined && Object.keys(value).length === 1) {
    const offset = isRecord(marker) && typeof marker.offset === 'number' ? marker.offset : 0;
    return new Date(now + offset);
  }
  const out: Doc = {};
  for (const [k, v] of Object.entries(value)) out[k] = resolveServerDates(v, now);
  return out;
}
