/**
 * The emulator's one "is this a plain JSON-like object" test: request bodies, protocol replies,
 * documents and configuration all use it. Objects made by `JSON.parse` or literals pass (and
 * `Object.create(null)`); arrays, class instances (Date, ObjectId, Buffer) and null do not.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
