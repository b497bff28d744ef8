/** Uploaded files on disk: `<root>/files/<env>/<cloudPath>` plus a JSON sidecar under `meta/`. */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FileMeta {
  /** OPENID of the mini program user who uploaded it; empty for uploads by functions/admin. */
  owner: string;
  contentType: string;
  size: number;
  uploadedAt: number;
  /** Random per upload: signed into temp URLs, so replacing a file voids its old links. */
  version?: string;
}

/** A file's version for signing (files from before versions existed: their upload time). */
export function versionOf(meta: FileMeta): string {
  return meta.version ?? String(meta.uploadedAt);
}

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.mp4': 'video/mp4',
};

export function contentTypeOf(cloudPath: string): string {
  return CONTENT_TYPES[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream';
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

export class PathConflictError extends Error {
  override name = 'PathConflictError';
}

export class FileStore {
  constructor(private readonly root: string) {}

  private filePath(env: string, cloudPath: string): string {
    return path.join(this.root, 'files', env, ...cloudPath.split('/'));
  }

  private metaPath(env: string, cloudPath: string): string {
    return `${path.join(this.root, 'meta', env, ...cloudPath.split('/'))}.json`;
  }

  async put(env: string, cloudPath: string, content: Buffer, owner: string): Promise<FileMeta> {
    const meta: FileMeta = {
      owner,
      contentType: contentTypeOf(cloudPath),
      size: content.length,
      uploadedAt: Date.now(),
      version: randomBytes(8).toString('hex'),
    };
    const file = this.filePath(env, cloudPath);
    const metaFile = this.metaPath(env, cloudPath);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await mkdir(path.dirname(metaFile), { recursive: true });
      await writeFile(file, content);
    } catch (error) {
      // `a/b` when `a` is a file, or `a` when `a/` holds files: the caller's path, not a crash.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST') {
        throw new PathConflictError(`${cloudPath} conflicts with an existing file or folder`);
      }
      throw error;
    }
    await writeFile(metaFile, JSON.stringify(meta));
    return meta;
  }

  async meta(env: string, cloudPath: string): Promise<FileMeta | null> {
    try {
      return JSON.parse(await readFile(this.metaPath(env, cloudPath), 'utf8')) as FileMeta;
    } catch (error) {
      if (!isMissing(error)) throw error;
      // A file copied in by hand has no sidecar: describe it from the file itself.
      const info = await stat(this.filePath(env, cloudPath)).catch(() => null);
      if (!info?.isFile()) return null;
      return { owner: '', contentType: contentTypeOf(cloudPath), size: info.size, uploadedAt: 0 };
    }
  }

  async read(env: string, cloudPath: string): Promise<Buffer | null> {
    try {
      return await readFile(this.filePath(env, cloudPath));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** Resolves with false when there was nothing to delete. */
  async remove(env: string, cloudPath: string): Promise<boolean> {
    const existed = (await this.meta(env, cloudPath)) !== null;
    await rm(this.filePath(env, cloudPath), { force: true });
    await rm(this.metaPath(env, cloudPath), { force: true });
    return existed;
  }

  /** Cloud paths of every file of `env` (for the console's file list). */
  async list(env: string): Promise<string[]> {
    const base = path.join(this.root, 'files', env);
    const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(base, path.join(entry.parentPath, entry.name)))
      .map((relative) => relative.split(path.sep).join('/'))
      .sort();
  }
}
