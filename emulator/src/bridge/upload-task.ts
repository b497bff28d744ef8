import type { BridgeUploadTask, UploadProgress } from './types';

/** An upload task whose progress listeners hear once, at 100 %, when the upload finished. */
export function createUploadTask(): { task: BridgeUploadTask; finished(bytes: number): void } {
  const listeners = new Set<(progress: UploadProgress) => void>();
  const task: BridgeUploadTask = {
    onProgressUpdate: (listener) => void listeners.add(listener),
    offProgressUpdate: (listener) =>
      listener ? void listeners.delete(listener) : listeners.clear(),
    abort: () => undefined,
  };
  return {
    task,
    finished(bytes) {
      const progress = { progress: 100, totalBytesSent: bytes, totalBytesExpectedToSend: bytes };
      for (const listener of [...listeners]) listener(progress);
    },
  };
}
