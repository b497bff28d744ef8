/**
 * The console's storage playground: would this mini program user's uploadFile, getTempFileURL
 * or deleteFile on this file pass the rule in force? Judged against what is stored now, by
 * the same `judge` the client routes use; nothing is written, read out or deleted.
 */
import { checkCloudPath, parseFileId } from './file-id';
import type { StorageService } from './storage-service';

export const STORAGE_PLAYGROUND_OPERATIONS = [
  'uploadFile',
  'getTempFileURL',
  'deleteFile',
] as const;
export type StoragePlaygroundOperation = (typeof STORAGE_PLAYGROUND_OPERATIONS)[number];

export interface StoragePlaygroundInput {
  openid: string;
  operation: StoragePlaygroundOperation;
  /** A cloud path (`avatars/a.png`) or a file ID (`cloud://env.bucket/avatars/a.png`). */
  file: string;
}

export interface StoragePlaygroundAnswer {
  allowed: boolean;
  /** allow, deny, missing (no such file here: STORAGE_FILE_NONEXIST) or invalid (bad question). */
  decision: 'allow' | 'deny' | 'missing' | 'invalid';
  reason: string;
  /** The file as the rule saw it (`resource`), when it was judged. */
  resource?: { openid: string; path: string; exists: boolean };
}

function invalid(reason: string): StoragePlaygroundAnswer {
  return { allowed: false, decision: 'invalid', reason };
}

export async function storagePlayground(
  service: StorageService,
  input: Partial<Record<keyof StoragePlaygroundInput, unknown>>,
): Promise<StoragePlaygroundAnswer> {
  const { openid, operation, file } = input;
  if (typeof openid !== 'string' || openid.trim() === '') return invalid('openid is required');
  if (!(STORAGE_PLAYGROUND_OPERATIONS as readonly unknown[]).includes(operation)) {
    return invalid(`operation must be one of ${STORAGE_PLAYGROUND_OPERATIONS.join(', ')}`);
  }
  if (typeof file !== 'string' || file.trim() === '') return invalid('file is required');
  let cloudPath = file.trim();
  if (cloudPath.startsWith('cloud://')) {
    const own = service.ownFile(cloudPath);
    if (!own) {
      const named = parseFileId(cloudPath);
      return named
        ? {
            allowed: false,
            decision: 'missing',
            reason: "the fileID names another environment's bucket",
          }
        : invalid('not a valid fileID');
    }
    cloudPath = own.cloudPath;
  }
  const problem = checkCloudPath(cloudPath);
  if (problem) return invalid(problem);

  const meta = await service.files.meta(service.env, cloudPath);
  if (!meta && operation !== 'uploadFile') {
    return { allowed: false, decision: 'missing', reason: `${cloudPath} does not exist` };
  }
  // A new path is judged as a file that would be the caller's, as an upload does.
  const owner = meta ? meta.owner : openid.trim();
  const ruleOperation = operation === 'getTempFileURL' ? 'read' : 'write';
  const verdict = await service.judge(openid.trim(), ruleOperation, cloudPath, owner);
  return {
    allowed: verdict.allowed,
    decision: verdict.allowed ? 'allow' : 'deny',
    reason: verdict.reason,
    resource: { openid: owner, path: cloudPath, exists: meta !== null },
  };
}
