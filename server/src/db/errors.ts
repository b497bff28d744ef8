/**
 * Recognising database failures by what production actually sends. wx-server-sdk turns the
 * server's string `code` into a numeric `errCode` (unknown codes become -501001) and puts the
 * text in `errMsg`/`message`, so checks look at all of them.
 */
interface SdkErrorLike {
  errCode?: unknown;
  code?: unknown;
  errMsg?: unknown;
  message?: unknown;
}

function describe(error: unknown): { codes: unknown[]; text: string } {
  if (typeof error !== 'object' || error === null) return { codes: [], text: String(error) };
  const e = error as SdkErrorLike;
  const text = [e.code, e.errMsg, e.message].filter((v) => typeof v === 'string').join(' ');
  return { codes: [e.errCode, e.code], text };
}

/** DATABASE_COLLECTION_NOT_EXIST, errCode -502005: production before the first write. */
export function isCollectionMissing(error: unknown): boolean {
  const { codes, text } = describe(error);
  return (
    codes.includes(-502005) ||
    codes.includes('-502005') ||
    /DATABASE_COLLECTION_NOT_EXIST|collection not exists?\b/i.test(text)
  );
}

/**
 * A duplicate `_id` on insert. The documented code (DATABASE_DUPLICATE_WRITE) is unmapped by
 * the SDK (-501001), and a field report shows -502001 with the MongoDB text, so match the text.
 */
export function isDuplicateKey(error: unknown): boolean {
  const { text } = describe(error);
  return /E11000|duplicate key|DATABASE_DUPLICATE_WRITE/i.test(text);
}
