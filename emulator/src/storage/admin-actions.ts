/**
 * The server SDK's storage actions on the TCB admin endpoint (`POST /admin`, body.action
 * `storage.*`), answered in the shapes @cloudbase/node-sdk reads (dist/storage/index.js).
 */
import { StorageError, uploadTarget, type StorageService } from './storage-service';

type Body = Record<string, unknown>;
export type AdminReply = Record<string, unknown>;

function requestId(): string {
  return `storage-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function fail(code: string, message: string): AdminReply {
  return { code, message, requestId: requestId() };
}

function strings(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

/** `file_list: [{fileid, max_age}]` of batchGetDownloadUrl. */
function downloadItems(value: unknown): Array<{ fileID: string; maxAge?: number }> | null {
  if (!Array.isArray(value)) return null;
  const items: Array<{ fileID: string; maxAge?: number }> = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { fileid, max_age: maxAge } = entry as { fileid?: unknown; max_age?: unknown };
    if (typeof fileid !== 'string') return null;
    items.push(typeof maxAge === 'number' ? { fileID: fileid, maxAge } : { fileID: fileid });
  }
  return items;
}

export function isStorageAction(body: unknown): boolean {
  const action = (body as Body | null)?.action;
  return typeof action === 'string' && action.startsWith('storage.');
}

/** Answers one storage action. Always resolves (errors are `{code, message}` replies). */
export async function handleStorageAction(
  service: StorageService,
  body: Body,
  baseUrl: string,
): Promise<AdminReply> {
  try {
    switch (body.action) {
      case 'storage.getUploadMetadata': {
        if (typeof body.path !== 'string') return fail('INVALID_PARAM', 'path must be a string');
        const { url, fileId } = uploadTarget(service, body.path, baseUrl, service.now());
        // token/authorization are placeholders: the signed URL is what the emulator checks.
        const data = {
          url,
          token: 'emulator',
          authorization: 'emulator',
          fileId,
          cosFileId: fileId,
        };
        return { data, requestId: requestId() };
      }
      case 'storage.batchGetDownloadUrl': {
        const items = downloadItems(body.file_list);
        if (!items) return fail('INVALID_PARAM', 'file_list must be [{fileid, max_age}]');
        const list = await service.tempUrls(items, 'admin');
        return { data: { download_list: list }, requestId: requestId() };
      }
      case 'storage.batchDeleteFile': {
        const ids = strings(body.fileid_list);
        if (!ids) return fail('INVALID_PARAM', 'fileid_list must be an array of strings');
        const list = await service.delete(ids, 'admin');
        return { data: { delete_list: list }, requestId: requestId() };
      }
      default:
        return fail('INVALID_PARAM', `storage action ${String(body.action)} is not supported`);
    }
  } catch (error) {
    if (error instanceof StorageError) return fail(error.code, error.message);
    return fail('SYS_ERR', (error as Error).message);
  }
}
