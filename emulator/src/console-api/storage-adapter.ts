import type { EmulatorContext } from '../server/context';
import { storageFor } from '../storage';
import type { ConsoleStorage } from './deps';
import { isRecord } from './http';
import type { StorageFileInfo } from './types';

/** Links shown in the console stay valid this long (previews of a page left open). */
const PREVIEW_MAX_AGE_SECONDS = 3600;

/**
 * Lists uploaded files with signed preview URLs, when the storage module can enumerate its files
 * (`StorageService.list()`); without it the Storage tab says storage is not available.
 */
export function consoleStorage(ctx: EmulatorContext): ConsoleStorage | undefined {
  const service = storageFor(ctx);
  const candidate: unknown = (service as unknown as Record<string, unknown>).list;
  if (typeof candidate !== 'function') return undefined;
  const list = candidate as (this: unknown) => Promise<unknown>;
  return {
    async list(): Promise<StorageFileInfo[]> {
      const listed = await list.call(service);
      const files = (Array.isArray(listed) ? listed : []).filter(isRecord).map(toInfo);
      const urls = await service.tempUrls(
        files.map((f) => ({ fileID: f.fileID, maxAge: PREVIEW_MAX_AGE_SECONDS })),
      );
      return files.map((file, i) => {
        const url = urls[i]?.tempFileURL;
        return url ? { ...file, url } : file;
      });
    },
  };
}

function toInfo(item: Record<string, unknown>): StorageFileInfo {
  const fileID = typeof item.fileID === 'string' ? item.fileID : '';
  const path =
    typeof item.cloudPath === 'string'
      ? item.cloudPath
      : typeof item.path === 'string'
        ? item.path
        : fileID;
  const info: StorageFileInfo = {
    fileID,
    path,
    size: typeof item.size === 'number' ? item.size : 0,
  };
  if (typeof item.contentType === 'string') info.contentType = item.contentType;
  if (typeof item.uploadedAt === 'number') info.uploadedAt = item.uploadedAt;
  return info;
}
