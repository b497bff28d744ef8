/** Cloud storage semantics shared by the mini program routes, the admin actions and downloads. */
import { checkCloudPath, formatFileId, parseFileId } from './file-id';
import { FileStore, PathConflictError, versionOf, type FileMeta } from './file-store';
import { UrlSigner, type Verdict } from './signed-url';

/** Per-file result codes, named as the TCB API names them; numbers are the wx errCodes. */
export const STORAGE_CODES = {
  SUCCESS: 0,
  INVALID_PARAM: -501007,
  STORAGE_EXCEED_AUTHORITY: -503002,
  STORAGE_FILE_NONEXIST: -503003,
} as const;
export type StorageCode = keyof typeof STORAGE_CODES;

export interface TempUrlItem {
  fileID: string;
  code: StorageCode;
  /** Why there is no URL (a missing file). */
  message?: string;
  tempFileURL: string;
  maxAge: number;
}

export interface DeleteItem {
  fileID: string;
  code: StorageCode;
}

/** Who asks: a mini program user (may delete only their own uploads) or a function/admin. */
export type Requester = { openid: string } | 'admin';

/** Temp URLs live 2 hours unless a maxAge is given, capped at one day. */
const DEFAULT_MAX_AGE_SECONDS = 7200;
const MAX_MAX_AGE_SECONDS = 86400;

export class StorageError extends Error {
  constructor(
    readonly code: StorageCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export interface StorageServiceOptions {
  root: string;
  env: string;
  baseUrl: () => string;
  now?: () => number;
}

export class StorageService {
  readonly env: string;
  readonly files: FileStore;
  readonly signer = new UrlSigner();
  private readonly baseUrl: () => string;
  /** Expiry of signed URLs follows the emulator's clock. */
  readonly now: () => number;

  constructor(options: StorageServiceOptions) {
    this.env = options.env;
    this.files = new FileStore(options.root);
    this.baseUrl = options.baseUrl;
    this.now = options.now ?? Date.now;
  }

  async upload(cloudPath: string, content: Buffer, owner: string): Promise<string> {
    const problem = checkCloudPath(cloudPath);
    if (problem) throw new StorageError('INVALID_PARAM', problem);
    // Default rule: only the uploader may overwrite a user's file (functions may write anything).
    const existing = owner ? await this.files.meta(this.env, cloudPath) : null;
    if (existing && existing.owner && existing.owner !== owner) {
      throw new StorageError('STORAGE_EXCEED_AUTHORITY', `${cloudPath} belongs to another user`);
    }
    try {
      await this.files.put(this.env, cloudPath, content, owner || existing?.owner || '');
    } catch (error) {
      if (error instanceof PathConflictError)
        throw new StorageError('INVALID_PARAM', error.message);
      throw error;
    }
    return formatFileId(this.env, cloudPath);
  }

  async tempUrls(
    items: ReadonlyArray<{ fileID: string; maxAge?: number }>,
  ): Promise<TempUrlItem[]> {
    return Promise.all(
      items.map(async ({ fileID, maxAge }) => {
        const age = Math.min(
          Math.max(1, Math.floor(maxAge ?? DEFAULT_MAX_AGE_SECONDS)),
          MAX_MAX_AGE_SECONDS,
        );
        // `message`: the SDK's downloadFile fails with it (without one: "fail undefined").
        const none: TempUrlItem = {
          fileID,
          code: 'STORAGE_FILE_NONEXIST',
          message: `storage file not exists: ${fileID}`,
          tempFileURL: '',
          maxAge: age,
        };
        const file = this.ownFile(fileID);
        if (!file) return none;
        const meta = await this.files.meta(this.env, file.cloudPath);
        if (!meta) return none;
        const base = {
          baseUrl: this.baseUrl(),
          env: this.env,
          cloudPath: file.cloudPath,
          version: versionOf(meta),
        };
        const tempFileURL = this.signer.url('download', base, age, this.now());
        return { fileID, code: 'SUCCESS', tempFileURL, maxAge: age };
      }),
    );
  }

  async delete(fileIDs: readonly string[], requester: Requester): Promise<DeleteItem[]> {
    const results: DeleteItem[] = [];
    for (const fileID of fileIDs) {
      const file = this.ownFile(fileID);
      const meta = file ? await this.files.meta(this.env, file.cloudPath) : null;
      if (!file || !meta) {
        results.push({ fileID, code: 'STORAGE_FILE_NONEXIST' });
      } else if (!this.mayDelete(meta, requester)) {
        results.push({ fileID, code: 'STORAGE_EXCEED_AUTHORITY' });
      } else {
        await this.files.remove(this.env, file.cloudPath);
        results.push({ fileID, code: 'SUCCESS' });
      }
    }
    return results;
  }

  /** Reads a file through a signed URL; the verdict says why it was refused. */
  async download(
    cloudPath: string,
    env: string,
    query: URLSearchParams,
  ): Promise<{ verdict: Verdict; content: Buffer | null; meta: FileMeta | null }> {
    const verdict = this.signer.verify('download', { env, cloudPath }, query, this.now());
    if (verdict !== 'ok' || env !== this.env) return { verdict, content: null, meta: null };
    const meta = await this.files.meta(env, cloudPath);
    // The link names the file's version: once deleted or replaced, it finds nothing.
    if (!meta || versionOf(meta) !== (query.get('v') ?? '')) {
      return { verdict, content: null, meta: null };
    }
    return { verdict, content: await this.files.read(env, cloudPath), meta };
  }

  /** Every stored file with its facts, for the emulator console. */
  async list(): Promise<Array<{ fileID: string; cloudPath: string } & FileMeta>> {
    const paths = await this.files.list(this.env);
    const listed = await Promise.all(
      paths.map(async (cloudPath) => {
        const meta = await this.files.meta(this.env, cloudPath);
        return meta ? { fileID: formatFileId(this.env, cloudPath), cloudPath, ...meta } : null;
      }),
    );
    return listed.filter((item) => item !== null);
  }

  /** The default rule of cloud storage: every user reads, only the uploader writes. */
  private mayDelete(meta: FileMeta, requester: Requester): boolean {
    return requester === 'admin' || meta.owner === requester.openid;
  }

  /** A file ID of this environment, or null (another env's file does not exist here). */
  private ownFile(fileID: string): { cloudPath: string } | null {
    const file = typeof fileID === 'string' ? parseFileId(fileID) : null;
    return file && file.env === this.env ? file : null;
  }
}

/** Where the server SDK PUTs a file after `storage.getUploadMetadata` (a stand-in for COS). */
export function uploadTarget(
  service: StorageService,
  cloudPath: string,
  baseUrl: string,
  now: number,
): { url: string; fileId: string } {
  const problem = checkCloudPath(cloudPath);
  if (problem) throw new StorageError('INVALID_PARAM', problem);
  // Ten minutes to start the upload, like the signature COS hands out.
  const url = service.signer.url('upload', { baseUrl, env: service.env, cloudPath }, 600, now);
  return { url, fileId: formatFileId(service.env, cloudPath) };
}
