import type { JsonValue } from './client';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The one zone every time in the console is shown in, whatever the browser's: Beijing time,
 * the zone timer triggers fire in and the one the developers it serves read.
 */
export const TIME_ZONE_LABEL = 'UTC+8';
const ZONE_OFFSET_MS = 8 * 3_600_000;

/** 2026-11-21 20:58:16 in UTC+8 (TIME_ZONE_LABEL), never the browser's own zone. */
export function formatTime(ms: number, withMillis = false): string {
  const d = new Date(ms + ZONE_OFFSET_MS);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return withMillis ? `${base}.${pad(d.getUTCMilliseconds(), 3)}` : base;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A relaxed Extended JSON value as one short line for a table cell: dates in local time,
 * ObjectIds as their hex, other EJSON wrappers by their content, objects as compact JSON.
 */
export function formatCell(value: JsonValue | undefined, key = '', max = 80): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return truncate(value, max);
  if (typeof value === 'number' && isEpochMsField(key, value)) return formatTime(value, true);
  if (typeof value !== 'object') return String(value);
  if (isObject(value)) {
    const date = value.$date;
    if (date !== undefined) return formatDate(date);
    if (typeof value.$oid === 'string') return `ObjectId(${value.$oid})`;
    if (typeof value.$numberLong === 'string') return value.$numberLong;
    if (typeof value.$numberDecimal === 'string') return value.$numberDecimal;
  }
  return truncate(JSON.stringify(value), max);
}

/** `{"$date": "<ISO>"}` or, out of the ISO range, `{"$date": {"$numberLong": "<ms>"}}`. */
function formatDate(date: JsonValue): string {
  if (typeof date === 'string') return formatTime(Date.parse(date), true);
  if (isObject(date) && typeof date.$numberLong === 'string')
    return formatTime(Number(date.$numberLong), true);
  return JSON.stringify(date);
}

/** Times stored as epoch milliseconds (`createdAt: 1763758696123`) read as times too. */
function isEpochMsField(key: string, value: number): boolean {
  return (
    /(At|Time|time|_at)$/.test(key) &&
    Number.isInteger(value) &&
    value > 946684800000 &&
    value < 4102444800000
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function pretty(value: JsonValue | undefined): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/** The `_id` of a listed document as the API wants it in a URL (EJSON text for non-strings). */
export function idOf(doc: { [key: string]: JsonValue }): string {
  const id = doc._id;
  return typeof id === 'string' ? id : JSON.stringify(id);
}

/** Column names for a page of documents: `_id` first, then keys in order of first appearance. */
export function columnsOf(docs: Array<{ [key: string]: JsonValue }>, max = 16): string[] {
  const keys = new Set<string>(['_id']);
  for (const doc of docs) for (const key of Object.keys(doc)) keys.add(key);
  return [...keys].slice(0, max);
}

/** A new simulated OPENID shaped like WeChat's (28 characters starting with `o`). */
export function newOpenid(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = crypto.getRandomValues(new Uint8Array(27));
  return 'o' + Array.from(bytes, (b) => alphabet[b % 64]).join('');
}

/** Display width of text in "ASCII characters": CJK and other wide characters count twice. */
function displayLength(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return n;
}

/** A column width that fits its header and this page's values, within sane bounds (px). */
export function columnWidth(col: string, docs: Array<{ [key: string]: JsonValue }>): number {
  let longest = displayLength(col) + 3; // room for the sort carets
  for (const doc of docs) longest = Math.max(longest, displayLength(formatCell(doc[col], col, 40)));
  return Math.min(280, Math.max(72, longest * 7 + 24));
}
