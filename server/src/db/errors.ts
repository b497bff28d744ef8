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
 * DATABASE_COLLECTION_ALREADY_EXIST from createCollection: the SDK keeps the server's string
 * `code` on this path (errCode -1, errMsg "[ResourceInUse] Table exist"), so match the code.
 */
export function isCollectionAlreadyExists(error: unknown): boolean {
  return (error as SdkErrorLike | null)?.code === 'DATABASE_COLLECTION_ALREADY_EXIST';
}
