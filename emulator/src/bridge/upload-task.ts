import type { BridgeUploadTask, UploadProgress } from './types';

/**
 * An upload task whose progress listeners hear once, at 100 %, when the upload finished.
 * `abort()` aborts `signal`: the upload stops wherever it is and fails with `…:fail abort`.
 */
export function createUploadTask(): {
  task: BridgeUploadTask;
  signal: AbortSignal;
  finished(bytes: number): void;
} {
  const listeners = new Set<(progress: UploadProgress) => void>();
  const controller = new AbortController();
  const task: BridgeUploadTask = {
    onProgressUpdate: (listener) => void listeners.add(listener),
    offProgressUpdate: (listener) =>
      listener ? void listeners.delete(listener) : listeners.clear(),
    abort: () => controller.abort(),
  };
  return {
    task,
    signal: controller.signal,
    finished(bytes) {
      const progress = { progress: 100, totalBytesSent: bytes, totalBytesExpectedToSend: bytes };
      for (const listener of [...listeners]) listener(progress);
    },
  };
}
