import type { EmulatorContext } from '../app/context';
import { storageFor } from '../storage';
import type { StorageFileInfo } from './types';

/** Links shown in the console stay valid this long (previews of a page left open). */
const PREVIEW_MAX_AGE_SECONDS = 3600;

/** Uploaded files with signed download URLs the browser can show as previews. */
export function consoleStorage(ctx: EmulatorContext): { list(): Promise<StorageFileInfo[]> } {
  const service = storageFor(ctx);
  return {
    async list(): Promise<StorageFileInfo[]> {
      const files = await service.list();
      const urls = await service.tempUrls(
        files.map((f) => ({ fileID: f.fileID, maxAge: PREVIEW_MAX_AGE_SECONDS })),
        'admin',
      );
      return files.map((file, i) => {
        const info: StorageFileInfo = {
          fileID: file.fileID,
          path: file.cloudPath,
          size: file.size,
          contentType: file.contentType,
          uploadedAt: file.uploadedAt,
        };
        if (file.owner) info.owner = file.owner;
        const url = urls[i]?.tempFileURL;
        return url ? { ...info, url } : info;
      });
    },
  };
}
