/**
 * Cloud file IDs: `cloud://<env>.<bucket>/<cloudPath>`, like the real ones, e.g.
 * `cloud://dev-1a2b.6465-dev-1a2b-1250000000/avatars/me.png`.
 */
export interface CloudFile {
  env: string;
  bucket: string;
  cloudPath: string;
}

/** The real bucket name is `<hex of the env's first two bytes>-<env>-<appid>`; mimic its shape. */
export function bucketFor(env: string): string {
  return `${Buffer.from(env.slice(0, 2)).toString('hex')}-${env}-1250000000`;
}

export function formatFileId(env: string, cloudPath: string): string {
  return `cloud://${env}.${bucketFor(env)}/${cloudPath}`;
}

export function parseFileId(fileId: string): CloudFile | null {
  const match = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileId);
  if (!match) return null;
  const [, env, bucket, cloudPath] = match;
  if (!env || !bucket || !cloudPath || checkCloudPath(cloudPath) !== null) return null;
  return { env, bucket, cloudPath };
}

const MAX_CLOUD_PATH_LENGTH = 1024;

/** Why a cloud path is unusable, or null when it is fine. Paths never leave the storage folder. */
export function checkCloudPath(cloudPath: string): string | null {
  if (cloudPath.length === 0) return 'cloudPath is empty';
  if (cloudPath.length > MAX_CLOUD_PATH_LENGTH) return 'cloudPath is longer than 1024 characters';
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with /';
  if (/[\\\0]/.test(cloudPath)) return 'cloudPath must not contain \\ or NUL';
  if (cloudPath.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return 'cloudPath has an empty, . or .. segment';
  }
  return null;
}
